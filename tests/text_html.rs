//! HTML to text: block structure, character references, what is dropped, and the hints
//! the markup gives the article finder. Markup written for these tests.

use precis::text::html::decode_entities;
use precis::text::html_to_text;

#[test]
fn blocks_become_lines() {
    let cases: &[(&str, &str)] = &[
        ("<p>One.</p><p>Two.</p>", "One.\nTwo."),
        ("<h2>Heading</h2>Body text", "Heading\nBody text"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("<ol><li><p>nested</p> tail</li></ol>", "nested\ntail"),
        ("<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Reds</td><td>12</td></tr></table>", "Team\nPts\nReds\n12"),
        ("line<br>break<br/>again", "line\nbreak\nagain"),
        ("<p>  spaced \n\n  out  </p>", "spaced out"),
        ("<p>in<b>line</b> <i>marks</i> <a href=x>stay</a> inline</p>", "inline marks stay inline"),
        ("<pre>a  b\nc</pre>", "a b\nc"),
        ("<div><div><p>deep</p></div></div><p>next</p>", "deep\nnext"),
        ("", ""),
    ];
    for (html, want) in cases {
        assert_eq!(html_to_text(html).text, *want, "{html:?}");
    }
}

#[test]
fn character_references() {
    let cases: &[(&str, &str)] = &[
        ("&amp; &lt; &gt; &quot; &apos;", "& < > \" '"),
        ("&ldquo;Hi&rdquo; &lsquo;x&rsquo; &mdash; &ndash; &hellip;", "“Hi” ‘x’ — – …"),
        ("&eacute;&Eacute;&uuml;&ntilde;&ccedil;&oslash;&szlig;", "éÉüñçøß"),
        ("&scaron;&Zcaron;&oelig;&lstrok;", "šŽœł"),
        ("&alpha;&Omega;&euro;&pound;&yen;&copy;&reg;&trade;&deg;", "αΩ€£¥©®™°"),
        ("&#233;&#xE9;&#X2019;", "éé’"),
        ("&#150;&#151;&#147;", "–—“"),
        ("&#0;", "\u{fffd}"),
        ("&#x110000;", "\u{fffd}"),
        ("&amp without semicolon &copy 2024", "& without semicolon © 2024"),
        ("&rsquo without semicolon stays", "&rsquo without semicolon stays"),
        ("&unknownname; & lone &", "&unknownname; & lone &"),
        ("&", "&"),
        ("&#", "&#"),
        ("&#x;", "&#x;"),
    ];
    for (html, want) in cases {
        assert_eq!(decode_entities(html), *want, "{html:?}");
    }
}

#[test]
fn scripts_styles_and_hidden_elements_are_dropped() {
    let cases: &[(&str, &str)] = &[
        ("<script>document.write('<p>x</p>')</script>kept", "kept"),
        ("<SCRIPT type=module>a<b</SCRIPT>kept", "kept"),
        ("<style>p::after{content:'x'}</style>kept", "kept"),
        ("<template><p>later</p></template>kept", "kept"),
        ("<noscript>enable js</noscript>kept", "kept"),
        ("<p hidden>gone</p>kept", "kept"),
        ("<div aria-hidden=\"true\">gone</div>kept", "kept"),
        ("<span style=\"display: none\">gone</span>kept", "kept"),
        ("<div style='visibility:hidden'>gone <div>inner</div> still gone</div>kept", "kept"),
        ("<!-- <p>commented</p> -->kept", "kept"),
        ("<![CDATA[ x ]]>kept", "kept"),
        ("<iframe src=x>fallback</iframe>kept", "kept"),
        ("<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">link text</a>", "link text"),
        ("<img src=x onerror=alert(1) alt=\"alt text\">after", "after"),
        ("<title>Tab title</title><p>body</p>", "body"),
    ];
    for (html, want) in cases {
        assert_eq!(html_to_text(html).text, *want, "{html:?}");
    }
}

#[test]
fn broken_markup_does_not_lose_text() {
    let cases: &[(&str, &str)] = &[
        ("a < b and c > d", "a < b and c > d"),
        ("<p>unclosed paragraph", "unclosed paragraph"),
        ("text <p", "text"),
        ("</p></div>stray closers", "stray closers"),
        ("<p title=\"a > b\">quoted gt</p>", "quoted gt"),
        ("<script>never closed", ""),
    ];
    for (html, want) in cases {
        assert_eq!(html_to_text(html).text, *want, "{html:?}");
    }
}

#[test]
fn hints_describe_each_line() {
    let html = "<nav class=\"site-nav\"><a href=/>Home</a></nav>\
        <article><h1>Title here</h1><p>Body with <a href=/x>one link</a> in it.</p>\
        <ul><li><a href=/y>List link</a></li></ul></article>\
        <div id=\"comments\"><p>A reader comment.</p></div>\
        <footer>Footer words</footer>";
    let t = html_to_text(html);
    let lines: Vec<&str> = t.text.lines().collect();
    assert_eq!(lines, ["Home", "Title here", "Body with one link in it.", "List link", "A reader comment.", "Footer words"]);
    assert_eq!(t.hints.len(), lines.len());
    for (hint, line) in t.hints.iter().zip(&lines) {
        assert!(t.text[hint.start..].starts_with(line));
    }
    let h = &t.hints;
    assert_eq!((h[0].link, h[0].furniture, h[0].article), (1.0, 1.0, 0.0));
    assert_eq!((h[1].heading, h[1].article, h[1].link), (1.0, 1.0, 0.0));
    assert!(h[2].link > 0.2 && h[2].link < 0.5 && h[2].article == 1.0);
    assert_eq!((h[3].list_item, h[3].link), (1.0, 1.0));
    assert_eq!((h[4].furniture, h[4].article), (1.0, 0.0));
    assert_eq!(h[5].furniture, 1.0);
}
