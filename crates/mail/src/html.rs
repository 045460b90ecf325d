//! The HTML part, derived from the plain-text body so both parts always say the same thing.
//!
//! Every character of the text is escaped (idea titles and bodies are a citizen's words and may hold
//! markup). Structure comes from the text's own shape: blank lines part paragraphs, lines starting with
//! "- " are list items (an indented line continues the item), and a line that is exactly one of this
//! message's own links becomes a link. A URL typed by a citizen stays text.

/// Which way the text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rtl,
    Ltr,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rtl => "rtl",
            Direction::Ltr => "ltr",
        }
    }

    /// The side text starts from, for inline styles (mail clients ignore logical properties).
    pub fn start(self) -> &'static str {
        match self {
            Direction::Rtl => "right",
            Direction::Ltr => "left",
        }
    }
}

/// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

enum Segment<'t> {
    Paragraph(Vec<&'t str>),
    List(Vec<Vec<&'t str>>),
}

/// The body as HTML fragments (no layout). `links` are the URLs this message may link to.
pub fn text_to_html(text: &str, links: &[&str], direction: Direction) -> String {
    let mut html = String::new();
    for block in blocks(text) {
        for segment in segments(&block) {
            match segment {
                Segment::Paragraph(lines) => {
                    html.push_str(r#"<p style="margin:0 0 16px;">"#);
                    push_lines(&mut html, &lines, links);
                    html.push_str("</p>\n");
                }
                Segment::List(items) => {
                    html.push_str(&format!(
                        r#"<ul style="margin:0 0 16px;padding-{}:24px;">"#,
                        direction.start()
                    ));
                    for item in items {
                        html.push_str(r#"<li style="margin:0 0 6px;">"#);
                        push_lines(&mut html, &item, links);
                        html.push_str("</li>");
                    }
                    html.push_str("</ul>\n");
                }
            }
        }
    }
    html
}

/// The runs of non-blank lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

fn segments<'t>(block: &[&'t str]) -> Vec<Segment<'t>> {
    let mut segments: Vec<Segment<'t>> = Vec::new();
    for line in block {
        let continues_item = line.starts_with(char::is_whitespace);
        match (line.strip_prefix("- "), segments.last_mut()) {
            (Some(item), Some(Segment::List(items))) => items.push(vec![item.trim()]),
            (Some(item), _) => segments.push(Segment::List(vec![vec![item.trim()]])),
            (None, Some(Segment::List(items))) if continues_item => {
                if let Some(item) = items.last_mut() {
                    item.push(line.trim());
                }
            }
            (None, Some(Segment::Paragraph(lines))) => lines.push(line.trim()),
            (None, _) => segments.push(Segment::Paragraph(vec![line.trim()])),
        }
    }
    segments
}

fn push_lines(html: &mut String, lines: &[&str], links: &[&str]) {
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            html.push_str("<br>\n");
        }
        if links.contains(line) {
            // A URL reads left to right even inside Persian text.
            let url = escape(line);
            html.push_str(&format!(
                r#"<a href="{url}" dir="ltr" style="color:#0b5cad;word-break:break-all;">{url}</a>"#
            ));
        } else {
            html.push_str(&escape(line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OURS: &str = "https://example.org/my/ideas/1";

    #[test]
    fn markup_in_text_is_escaped() {
        let html = text_to_html(r#"<script>alert(1)</script> & "x" 'y'"#, &[], Direction::Ltr);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn paragraphs_lists_and_our_links_take_shape() {
        let text = format!("First line\nsecond line\n\n- one\n- two\n  {OURS}\n\n{OURS}\n\nhttps://evil.example/x");
        let html = text_to_html(&text, &[OURS], Direction::Rtl);
        assert!(html.contains("<p style=\"margin:0 0 16px;\">First line<br>\nsecond line</p>"));
        assert!(html.contains("padding-right:24px"));
        assert!(html.contains(&format!("two<br>\n<a href=\"{OURS}\"")));
        assert_eq!(html.matches("<li").count(), 2);
        assert_eq!(html.matches("<a href").count(), 2);
        assert!(html.contains("<p style=\"margin:0 0 16px;\">https://evil.example/x</p>"));
    }
}
