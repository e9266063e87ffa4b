export {
  EventClusterer,
  DEFAULT_CLUSTER_PARAMS,
  addTerms,
  chooseEvent,
  inverseDocumentFrequency,
  lookupTerms,
  quietBefore,
  rankCandidates,
  representativeWire,
  type Assignment,
  type ClusterParams,
  type ClusterWire,
  type EventChoice,
  type EventProfile,
  type EventSummary,
  type TermStats,
} from "./cluster";
export { eventTerms, type EventWireInput, type TermCounts } from "./profile";
export { bcubed, type BCubed } from "./bcubed";
