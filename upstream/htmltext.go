package upstream

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags end a line when they open or close.
var blockTags = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "tr": true, "table": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "pre": true, "section": true, "article": true, "hr": true,
}

// HTMLText reduces an HTML fragment to plain text: entities are decoded,
// tags dropped, block elements and <br> become line breaks, script and style
// contents are skipped, and runs of spaces and blank lines are collapsed.
// Text without markup is only tidied.
func HTMLText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return tidyText(s)
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyText(b.String())
		case html.TextToken:
			if skip == 0 {
				b.WriteString(flatten(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case tag == "script" || tag == "style":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case tag == "br":
				b.WriteByte('\n')
			case blockTags[tag]:
				if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
					b.WriteByte('\n')
				}
			}
		}
	}
}

// flatten turns the line breaks of HTML source into spaces: in HTML they
// are only white space, and Statuspage bodies put a raw newline after each
// <br /> that already breaks the line.
func flatten(b []byte) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, string(b))
}

// tidyText collapses spaces within lines, trims each line, keeps at most
// one blank line in a row and trims the whole.
func tidyText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := 0
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// htmlPara is one paragraph of a Statuspage-style history description:
// <p><small>date</small><br><strong>Label</strong> - body</p>.
type htmlPara struct {
	small, strong string
	rest          strings.Builder
}

// splitParas cuts an HTML description into paragraphs, keeping apart the
// text of the first <small>, the first <strong> (or <b>) and the rest.
// Content outside any <p> forms paragraphs of its own.
func splitParas(s string) []*htmlPara {
	var paras []*htmlPara
	var cur *htmlPara
	var small, strong strings.Builder
	inSmall, inStrong, strongDone, smallDone := 0, 0, false, false
	skip := 0
	flush := func() {
		if cur != nil {
			cur.small = tidyText(small.String())
			cur.strong = tidyText(strong.String())
			if cur.small != "" || cur.strong != "" || strings.TrimSpace(cur.rest.String()) != "" {
				paras = append(paras, cur)
			}
		}
		cur = nil
		small.Reset()
		strong.Reset()
		inSmall, inStrong, strongDone, smallDone = 0, 0, false, false
	}
	open := func() {
		if cur == nil {
			cur = &htmlPara{}
		}
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			flush()
			return paras
		}
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			t := flatten(z.Text())
			if cur == nil && strings.TrimSpace(t) == "" {
				continue
			}
			open()
			switch {
			case inSmall > 0 && !smallDone:
				small.WriteString(t)
			case inStrong > 0 && !strongDone:
				strong.WriteString(t)
			default:
				cur.rest.WriteString(t)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			start := tt == html.StartTagToken
			switch tag {
			case "script", "style":
				if start {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case "p":
				flush()
			case "small":
				if start {
					open()
					inSmall++
				} else if tt == html.EndTagToken && inSmall > 0 {
					inSmall--
					smallDone = smallDone || small.Len() > 0
				}
			case "strong", "b":
				if start {
					open()
					inStrong++
				} else if tt == html.EndTagToken && inStrong > 0 {
					inStrong--
					strongDone = strongDone || strong.Len() > 0
				}
			case "br":
				if cur != nil {
					cur.rest.WriteByte('\n')
				}
			default:
				if blockTags[tag] && cur != nil && !strings.HasSuffix(cur.rest.String(), "\n") {
					cur.rest.WriteByte('\n')
				}
			}
		}
	}
}
