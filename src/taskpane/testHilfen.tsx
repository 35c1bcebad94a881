/**
 * Shared set-up of the pane's component tests (jsdom). Importing this file
 * adds what jsdom lacks; `mitFluent` renders a component in the Fluent
 * theme as the pane does.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { TextDecoder, TextEncoder } from 'util';

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to pick a layout.
if (!('ResizeObserver' in window)) {
  Object.assign(window, {
    ResizeObserver: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });
}

// jsdom has no TextEncoder/TextDecoder (every browser has); npm docx encodes the document parts with it.
if (!('TextEncoder' in window)) Object.assign(window, { TextEncoder, TextDecoder });

/** render() inside a FluentProvider (components outside App need one for their styles and portals). */
export function mitFluent(ui: ReactElement): RenderResult {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
