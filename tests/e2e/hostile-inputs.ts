// What the sweep and the hostile-request tests send: headers no browser should send, and values
// typed (or forged) into form fields by someone trying to break the app.

/** What a request may carry, however odd; each is tried on the way out. */
export const ODD_HEADERS: Array<[string, Array<[string, string]>]> = [
  ["a lone % in the language cookie", [["Cookie", "lang=%"]]],
  ["a lone % in the session cookie", [["Cookie", "session=%; __Host-session=%"]]],
  ["a cut-off UTF-8 sequence in the session cookie", [["Cookie", "__Host-session=%E0%A4%A"]]],
  ["two session cookies, one broken", [["Cookie", "__Host-session=%; __Host-session=%ZZ"]]],
  ["a cookie header without pairs", [["Cookie", ";;;=;==; ; lang"]]],
  ["a cookie named __proto__", [["Cookie", "__proto__=x; constructor=y; lang=ar"]]],
  [
    "two Cookie headers",
    [
      ["Cookie", "lang=%"],
      ["Cookie", "__Host-session=%"],
    ],
  ],
  ["a 12 KB cookie", [["Cookie", `big=${"x".repeat(12_000)}; lang=%`]]],
  ["non-UTF-8 bytes in a cookie", [["Cookie", "lang=\xff\xfe; __Host-session=\xc3\x28"]]],
  ["an unreadable Accept-Language", [["Accept-Language", "*;q=NaN, ;;;, x-\xff;q=2, ar;q=1e999"]]],
  ["a 6 KB Accept-Language", [["Accept-Language", "en-GB-oxendict-".repeat(400)]]],
  ["another Host", [["Host", "evil.example"]]],
  ["an IPv6 Host", [["Host", "[::1]"]]],
  ["a Host with a space", [["Host", "a b"]]],
  ["an empty Host", [["Host", ""]]],
  ["a Content-Type of JSON", [["Content-Type", "application/json"]]],
  ["multipart without a boundary", [["Content-Type", "multipart/form-data"]]],
  ["a Content-Type of nonsense", [["Content-Type", ";;;/\xff"]]],
  ["a Sec-Fetch-Mode of nonsense", [["Sec-Fetch-Mode", "\xff\xfe nonsense"]]],
  ["Sec-Fetch-Site: cross-site", [["Sec-Fetch-Site", "cross-site"]]],
  [
    "Sec-Fetch-Site of nonsense",
    [
      ["Sec-Fetch-Site", "maybe"],
      ["Sec-Fetch-Dest", "??"],
      ["Sec-Fetch-User", "?2"],
    ],
  ],
  ["Origin: null", [["Origin", "null"]]],
  ["an Origin of another site", [["Origin", "https://evil.example"]]],
  ["an Origin of nonsense", [["Origin", "::::"]]],
  [
    "forwarding headers from nobody we trust",
    [
      ["X-Forwarded-Host", "evil.example:99999"],
      ["X-Forwarded-Proto", "gopher"],
      ["X-Forwarded-For", "\xff, , 999.1.1.1"],
    ],
  ],
  [
    "an odd Accept and Accept-Encoding",
    [
      ["Accept", "*/*;q=\xff"],
      ["Accept-Encoding", "br;q=x, gzip;q=-1, *"],
    ],
  ],
  ["a long emoji User-Agent", [["User-Agent", Buffer.from("🏃‍♀️".repeat(500), "utf8").toString("latin1")]]],
  [
    "a Range of nonsense",
    [
      ["Range", "bytes=9-1,x"],
      ["If-None-Match", '"\xff'],
      ["If-Modified-Since", "yesterday"],
    ],
  ],
];

/** Values for form fields; each is posted into every field of every form the sweep finds. */
export const HOSTILE_VALUES: Array<[string, string]> = [
  ["SQL, quoted", "' OR '1'='1' --"],
  ["SQL, stacked", "1; DROP TABLE members; --"],
  ["SQL, union", "x' UNION SELECT id_hash, id FROM sessions --"],
  ["HTML script", "<script>alert(1)</script>"],
  ["HTML attribute", '"><img src=x onerror=alert(1)>'],
  ["javascript: URL", "javascript:alert(document.cookie)"],
  ["CRLF header injection", "x\r\nSet-Cookie: admin=1\r\n\r\n<h1>hi</h1>"],
  ["NUL byte", "ab\u0000cd"],
  ["bidi override", "\u202Eelif.exe\u202C"],
  ["bidi isolates", "\u2066\u2067\u2068Sara\u2069"],
  ["zero-width characters", "S\u200Ba\u200Cr\u200Da\uFEFF"],
  ["only zero-width", "\u200B\u200B\u200B"],
  ["overlong string (100,000 characters)", "a".repeat(100_000)],
  ["overlong line of emoji", "🏃‍♀️".repeat(3_000)],
  ["huge number", "9".repeat(400)],
  ["negative number", "-1"],
  ["number overflow", "1e309"],
  ["NaN", "NaN"],
  ["hex number", "0x7fffffffffffffff"],
  ["emoji", "👩🏽‍🤝‍👩🏻🇳🇴"],
  ["JSON with __proto__", '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'],
  ["JSON array", "[1,2,3]"],
  ["path traversal", "../../../../etc/passwd"],
  ["encoded path traversal", "..%2f..%2f..%2fetc%2fpasswd"],
  ["format string", "%s%s%s%n%x%d"],
  ["template injection", "${7*7}{{7*7}}#{7*7}<%= 7*7 %>"],
  ["percent signs", "%%%ZZ%E0%A4%A"],
  ["Greek look-alike pseudonym", "Ηiba"],
  ["Cyrillic look-alike pseudonym", "Ѕоlѕikkе"],
  ["combining marks", "a" + "\u0301".repeat(360)],
  ["whitespace only", " \t\n\u00A0\u3000 "],
  ["empty", ""],
  ["line and paragraph separators", "a\u0085b\u2028c\u2029d"],
  ["Arabic and Latin mixed", "سارة Sara ١٢٣"],
  ["lone surrogate (as a replacement character)", "\uFFFD\uFFFE\uFFFF"],
  ["a date far away", "275760-09-13T00:00:00.000Z"],
  ["an id of another kind", "00000000-0000-0000-0000-000000000000"],
  ["a URL elsewhere", "https://evil.example/?q=1#x"],
  ["protocol-relative redirect", "//evil.example"],
  ["backslash redirect", "/\\evil.example"],
  ["non-Latin-1 redirect", "/\u3000/evil.example"],
];

/** Raw form bodies no browser builds: the form's own fields are added around them. */
export const HOSTILE_BODIES: Array<[string, string]> = [
  ["non-UTF-8 bytes, percent-encoded", "%FF%FE%C0%AF"],
  ["a field given twice", "DUP=a&DUP=b"],
  ["a field as an array", "DUP[]=a&DUP[0]=b&DUP[x]=c"],
  ["a field without a value", "DUP"],
  ["a field with an empty name", "=x&&&="],
  ["a thousand fields", Array.from({ length: 1000 }, (_, i) => `f${i}=${i}`).join("&")],
];
