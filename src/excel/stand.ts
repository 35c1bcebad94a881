/**
 * Name of the custom document property holding the time of the last KPI
 * refresh. Its own module so the task pane's status read does not pull the
 * whole KPI writer into the first bundle.
 */
export const KPI_STAND_EIGENSCHAFT = 'IntegrationsmonitorKpiAktualisiert';
