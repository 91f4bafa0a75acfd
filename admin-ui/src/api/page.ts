/** One page of a cursor-paged list, as every list endpoint of the admin API answers (`?cursor=` for the next). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
