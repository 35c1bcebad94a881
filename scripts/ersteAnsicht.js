'use strict';
/**
 * The chunk groups (webpackChunkName) the task pane loads inside Excel before
 * the Start view shows the workbook status: the entry, the App, the Office.js
 * gateways and the status read. Both the size check (bundle-groesse.js) and
 * the benchmark count these as the initial JavaScript.
 */
module.exports = { ERSTE_ANSICHT: ['taskpane', 'app', 'excel', 'excel-status'] };
