/** A link the maze made: a maze path and the text a page shows for it. */
export interface MazeLink {
  readonly href: string;
  readonly title: string;
}
