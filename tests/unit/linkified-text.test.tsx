import { renderToStaticMarkup } from "react-dom/server";
import { LinkifiedText, linkify } from "~/components/LinkifiedText";

describe("links in plain text", () => {
  test("http and https addresses become links, without the full stop that ends the sentence", () => {
    expect(linkify("Se https://example.org/kart?x=1. Eller http://example.no!")).toEqual([
      { kind: "text", text: "Se " },
      { kind: "link", text: "https://example.org/kart?x=1", href: "https://example.org/kart?x=1" },
      { kind: "text", text: ". Eller " },
      { kind: "link", text: "http://example.no", href: "http://example.no/" },
      { kind: "text", text: "!" },
    ]);
  });

  test("other schemes stay plain text", () => {
    const text = "javascript:alert(1) data:text/html,<b>x</b> ftp://example.org";
    expect(linkify(text)).toEqual([{ kind: "text", text }]);
  });

  test("a bracket that belongs to the address is kept", () => {
    expect(linkify("(https://no.wikipedia.org/wiki/Bergen_(by))")[1]).toEqual({
      kind: "link",
      text: "https://no.wikipedia.org/wiki/Bergen_(by)",
      href: "https://no.wikipedia.org/wiki/Bergen_(by)",
    });
  });

  test("renders HTML in the text as text, and links with rel noopener noreferrer nofollow", () => {
    const html = renderToStaticMarkup(
      <LinkifiedText
        text={'<script>alert(1)</script> <img src=x onerror=alert(1)>\n\nhttps://example.org/"onmouseover="x'}
      />,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain(
      '<a href="https://example.org/" rel="noopener noreferrer nofollow">https://example.org/</a>',
    );
    expect(html.match(/<p/g)).toHaveLength(2);
  });
});
