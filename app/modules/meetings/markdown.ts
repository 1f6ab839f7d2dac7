import { Marked, type Tokens } from "marked";

/**
 * Minutes in Markdown, rendered to HTML that is safe to show: raw HTML in the text is shown
 * as text, never run, and links and images keep only web, mail and same-site addresses.
 * marked writes every other tag itself, from a fixed set.
 */
const SAFE_URL = /^(https?:|mailto:|\/(?!\/)|#)/i;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function safeUrl(href: string): string | null {
  const trimmed = href.trim();
  // Control characters and spaces inside a scheme are tricks to smuggle "javascript:".
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  return SAFE_URL.test(trimmed) ? trimmed : null;
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    // Minutes sit under the page's own h1 and h2 ("Minutes"): their headings start at h3.
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      const url = safeUrl(href);
      if (!url) return text;
      return `<a href="${escapeHtml(url)}"${title ? ` title="${escapeHtml(title)}"` : ""} rel="nofollow noopener">${text}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const url = safeUrl(href);
      if (!url) return escapeHtml(text);
      return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ""}>`;
    },
  },
});

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
