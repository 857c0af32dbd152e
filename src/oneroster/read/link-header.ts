/**
 * The RFC 8288 `Link` header of a collection page: `first` and `last` always, `prev` unless
 * this is the first page (the last page when the offset is past the end), `next` unless it is
 * the last. Every other query parameter of the
 * request (filter, sort, fields…) is kept, so following a link continues the same read.
 *
 * @example
 * linkHeader(new URL("https://h/ims/oneroster/rostering/v1p2/users?filter=status%3D'active'"), 100, 100, 250)
 * // <https://h/…/users?filter=…&limit=100&offset=0>; rel="first", <…offset=0>; rel="prev",
 * // <…offset=200>; rel="next", <…offset=200>; rel="last"
 */
export function linkHeader(url: URL, limit: number, offset: number, total: number): string {
  const at = (pageOffset: number) => {
    const target = new URL(url);
    target.searchParams.set("limit", String(limit));
    target.searchParams.set("offset", String(pageOffset));
    return target.toString();
  };
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links: [string, number][] = [["first", 0]];
  // Past the end, the previous page a client can use is the last one.
  if (offset > 0) links.push(["prev", Math.min(Math.max(0, offset - limit), last)]);
  if (offset + limit < total) links.push(["next", offset + limit]);
  links.push(["last", last]);
  return links.map(([rel, pageOffset]) => `<${at(pageOffset)}>; rel="${rel}"`).join(", ");
}
