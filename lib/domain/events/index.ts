export { EventClusterer, DEFAULT_CLUSTER_PARAMS, type Assignment, type ClusterParams, type ClusterWire, type EventSummary } from "./cluster";
export { eventTerms, type EventWireInput } from "./profile";
export { bcubed, type BCubed } from "./bcubed";
