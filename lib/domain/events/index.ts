export { EventClusterer } from "./clusterer";
export { isSplitCheckSize, splitCheckSizes, splitOff, type SplitMember, type SplitParams } from "./split";
export {
  DEFAULT_CLUSTER_PARAMS,
  addTerms,
  chooseEvent,
  eventSimilarity,
  mixedCosine,
  pickEvent,
  weighTerms,
  inverseDocumentFrequency,
  lookupTerms,
  quietBefore,
  rankCandidates,
  representativeWire,
  type Assignment,
  type EventSplit,
  type ClusterParams,
  type ClusterWire,
  type CosineParts,
  type EventChoice,
  type EventProfile,
  type EventSummary,
  type TermStats,
} from "./cluster";
export { eventTerms, NAME_PREFIX, type EventWireInput, type TermCounts } from "./profile";
export { bcubed, type BCubed } from "./bcubed";
