/**
 * The links of a list page: href resolved against the page (and its <base>), the link text with
 * whitespace collapsed, and the title attribute.
 */
import { Parser } from 'htmlparser2';

export interface Link {
  url: string;
  text: string;
  title?: string;
}

export function pageLinks(html: string, pageUrl: string): Link[] {
  const links: Link[] = [];
  let base = pageUrl;
  let open: { href: string; title?: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && attrs.href) {
          try {
            base = new URL(attrs.href, pageUrl).href;
          } catch {
            /* a bad <base> is ignored */
          }
        } else if (name === 'a' && attrs.href) open = { href: attrs.href, ...(attrs.title ? { title: attrs.title } : {}), text: '' };
      },
      ontext(t) {
        if (open) open.text += t;
      },
      onclosetag(name) {
        if (name !== 'a' || !open) return;
        try {
          const u = new URL(open.href, base);
          u.hash = '';
          if (u.protocol === 'http:' || u.protocol === 'https:') {
            links.push({ url: u.href, text: open.text.replace(/\s+/g, ' ').trim(), ...(open.title ? { title: open.title.trim() } : {}) });
          }
        } catch {
          /* not a URL: not a link */
        }
        open = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return links;
}
