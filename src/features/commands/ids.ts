// Every command id Newsmark registers, in one place: user-facing ones in the palette and menus, internal ones hidden there.

/** Commands a user runs: from the palette, the editor's and views' menus, and keybindings. */
export enum Command {
  MarkActor = 'newsmark.markActor',
  MarkClaim = 'newsmark.markClaim',
  SetVerdict = 'newsmark.setVerdict',
  SetStatus = 'newsmark.setStatus',
  SetClaimant = 'newsmark.setClaimant',
  AddSource = 'newsmark.addSource',
  SetAccessed = 'newsmark.setAccessed',
  AddNote = 'newsmark.addNote',
  AddAlias = 'newsmark.addAlias',
  RemoveAnnotation = 'newsmark.removeAnnotation',
  Remove = 'newsmark.remove',
  Copy = 'newsmark.copy',
  MarkAllMentions = 'newsmark.markAllMentions',
  OpenSidecar = 'newsmark.openSidecar',
  ReattachToSelection = 'newsmark.reattachToSelection',
  AcceptNewWording = 'newsmark.acceptNewWording',
  ShowWorkspace = 'newsmark.showWorkspace',
  ShowActiveArticle = 'newsmark.showActiveArticle',
  CopyCitation = 'newsmark.copyCitation',
  SetArticleDetails = 'newsmark.setArticleDetails',
  MergeActors = 'newsmark.mergeActors',
  SetWikidataId = 'newsmark.setWikidataId',
  Suggest = 'newsmark.suggest',
  ReviewSuggestions = 'newsmark.reviewSuggestions',
  Export = 'newsmark.export',
  ImportBrat = 'newsmark.importBrat',
  FindSimilarClaims = 'newsmark.findSimilarClaims',
  ImportFactChecks = 'newsmark.importFactChecks',
  CompareWith = 'newsmark.compareWith',
  StopComparing = 'newsmark.stopComparing',
  SetUpGit = 'newsmark.setUpGit',
  ResolveConflicts = 'newsmark.resolveConflicts',
  UndoAnnotation = 'newsmark.undoAnnotation',
  RedoAnnotation = 'newsmark.redoAnnotation',
}

/** Commands run by Newsmark's own rows, lenses and quick fixes; hidden from the palette (`when: false`). */
export enum InternalCommand {
  RevealAnchor = 'newsmark.revealAnchor',
  OpenSource = 'newsmark.openSource',
  AcceptSuggestion = 'newsmark.acceptSuggestion',
  RejectSuggestion = 'newsmark.rejectSuggestion',
  TakeTheirs = 'newsmark.takeTheirs',
  RevealDifference = 'newsmark.revealDifference',
  ResolveConflict = 'newsmark.resolveConflict',
  CompareVerdicts = 'newsmark.compareVerdicts',
}

export type CommandId = Command | InternalCommand;

export const ALL_COMMANDS: readonly CommandId[] = [...Object.values(Command), ...Object.values(InternalCommand)];
