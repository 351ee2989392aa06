// The annotation store without an editor: sessions of open articles, the write path they share with the command line, and the host they run on.

export { ArticleSession, BlockedError, MOVES_NOTIFY_DELAY_MS, SETTLE_DELAY_MS } from './articleSession';
export { ANCHOR_HISTORY_LIMIT, REFIND_DISTANCE } from './anchorHistory';
export { ArticleStore, type ChangeListener, type MoveListener, type UndoState } from './articleStore';
export { type Step, UNDO_LIMIT } from './history';
export * from './host';
export { nodeSidecarFiles } from './nodeFiles';
export { type DiskState, diskStateOf, type Ours, type WriteOutcome, type WriteRequest, writeMerged } from './writer';
