/**
 * Function file of the ribbon (manifest FunctionFile). All three ribbon
 * buttons open the task pane (ShowTaskpane) on their view, where results and
 * errors are shown; this page only has to initialise Office so the host
 * accepts the add-in's command surface.
 */
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // Nothing to register: the manifest has no ExecuteFunction buttons.
  });
}
