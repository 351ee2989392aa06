// Finding where a claim was checked before: the archive of checked claims and the features claims are matched on.

export { type ArchivedClaim, ClaimArchive, type ClaimMatch, MATCH_THRESHOLD } from './archive';
export { type ActorName, claimFeatures, type ClaimFeatures, featureReader } from './features';
export { quantities, type Quantity } from './numbers';
export { actorNamesOf, archivedClaimsOf, archivedFactCheck, claimKey, detailOf, type MatchDetail, rejectMatch, reuseMatch } from './sources';
export { archiveArticle, type ArchiveArticle, archiveFactChecks, buildArchive, offersFor } from './workspace';
