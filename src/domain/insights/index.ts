export { distinctBuyers } from './buyers'
export type { Column, ScoreRow } from './score-table'
export { sharedWeakness, type SharedWeakness, type SharedWeaknessOptions } from './shared-weakness'
export { geographicClusters, type GeographicCluster, type GeographicOptions } from './geographic'
export {
  averageLinkage,
  averageLinkageOfDistances,
  cutTree,
  similarityOrder,
  similarityTree,
  type Dendrogram,
  type SimilarityTree,
  type Merge,
} from './hierarchical'
export { euclideanDistances, nanEuclideanDistances, condensedIndex, type CondensedDistances } from './distances'
export { peerGroups, type PeerGroup, type ProfileRow } from './peer-groups'
export {
  differences,
  londonMeanProfile,
  peerGroupNames,
  profileName,
  NAME_MARGIN,
  type Difference,
  type Dimension,
} from './peer-group-names'
export { notableDifferences, separateOutliers, type Numbered } from './outliers'
