/**
 * Build of the Excel add-in (task pane, ribbon function file, demo page).
 *
 * One variable configures the deployment:
 *   ADDIN_URL  – HTTPS base URL where dist/ is hosted (default https://localhost:3000).
 *                It replaces every https://localhost:3000 in manifest.xml when the
 *                manifest is copied to dist/manifest.xml; the source file stays unchanged.
 *   e.g.  ADDIN_URL=https://integration.rheine.de/integrationsmonitor npm run build
 *
 * office.js is never bundled: Microsoft requires it from its CDN, so the pages load
 * it with a <script> tag. Modern browsers only (Edge WebView2, Safari/WKWebView,
 * current browsers for Excel on the web): target es2020, no polyfills.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function addinUrl() {
  const raw = (process.env.ADDIN_URL || DEV_URL).trim().replace(/\/+$/, '');
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL „${raw}“ ist keine gültige URL (Beispiel: https://server.example/integrationsmonitor).`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_URL „${raw}“ muss mit https:// beginnen – Office lädt Add-ins nur über HTTPS.`);
  }
  return raw;
}

/** Content-Security-Policy of the pages: only our own files and office.js from Microsoft's CDN. */
function csp({ office, dev }) {
  const officeHost = 'https://appsforoffice.microsoft.com';
  const script = ["'self'", office ? officeHost : null].filter(Boolean).join(' ');
  // The dev server's live reload talks over a websocket; production pages make no other requests.
  const connect = ["'self'", office ? officeHost : null, dev ? 'wss://localhost:* ws://localhost:*' : null]
    .filter(Boolean)
    .join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    // Fluent UI (Griffel) inserts its CSS at runtime, office.js sets inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** office-addin-dev-certs writes its certificate here (`npx --yes office-addin-dev-certs install`). */
function devHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { type: 'https', options: { cert, key, ...(fs.existsSync(ca) ? { ca } : {}) } };
  }
  // Self-signed fallback; Office will only trust it after office-addin-dev-certs is installed.
  return { type: 'https' };
}

/**
 * Writes dist/chunks.json: the files of each entry point and of each named lazy
 * chunk (webpackChunkName), so scripts/bundle-groesse.js can tell the first paint
 * from what loads later.
 */
class ChunkListePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ChunkListePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ChunkListePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const gruppen = {};
          for (const g of compilation.chunkGroups) {
            if (!g.name) continue;
            gruppen[g.name] = [...new Set(g.chunks.flatMap((c) => [...c.files].filter((f) => f.endsWith('.js'))))];
          }
          const json = JSON.stringify({ entrypoints: [...compilation.entrypoints.keys()], gruppen }, null, 2);
          compilation.emitAsset('chunks.json', new compiler.webpack.sources.RawSource(json));
        },
      );
    });
  }
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== 'production';
  const url = addinUrl();
  const page = (name, chunks, title, office) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(__dirname, 'src/taskpane/seite.html'),
      chunks,
      inject: 'body',
      scriptLoading: 'blocking',
      templateParameters: { titel: title, csp: csp({ office, dev }), officeJs: office ? OFFICE_JS : '' },
    });

  return {
    mode: dev ? 'development' : 'production',
    // eval-based source maps would need 'unsafe-eval' in the CSP.
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      demo: './src/taskpane/demo/index.tsx',
    },
    output: {
      path: path.join(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            // Type checking is `npm run typecheck`; ES modules here so webpack can tree-shake.
            transpileOnly: true,
            compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: true },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // the domain's basics (schema, values, addresses, German formatting) are used by the start view
          // and by nearly every later chunk: one chunk instead of a copy of the small ones in each
          domainBasis: { test: /[\\/]src[\\/]domain[\\/](adresse|format|model|schema|values)\.ts$/, name: 'domain-basis', enforce: true },
          // the App with the Start view and the parts every view shares, in one chunk
          appBasis: {
            test: /[\\/]src[\\/]taskpane[\\/](App\.tsx|useArbeitsmappe\.ts|fehler\.ts|gateway\.ts|start[\\/]Start\.tsx|komponenten[\\/])/,
            name: 'app-basis',
            enforce: true,
          },
          // reading the workbook and its status are both needed before the start view shows anything
          excelLesen: {
            test: /[\\/]src[\\/](excel[\\/](lesen|status|stand)|workbook[\\/]layoutStatus|domain[\\/]ausserhalb)\.ts$/,
            name: 'excel-lesen-basis',
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false }, // measured by scripts/bundle-groesse.js instead
    plugins: [
      new ChunkListePlugin(),
      page('taskpane', ['taskpane'], 'Integrationsmonitor', true),
      page('commands', ['commands'], 'Integrationsmonitor – Befehle', true),
      page('demo', ['demo'], 'Integrationsmonitor – Demo mit Beispieldaten', false),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: devHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
