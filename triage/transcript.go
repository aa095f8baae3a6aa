package triage

import (
	"regexp"
	"strings"
	"unicode"
)

// clockAfterName matches the time some widgets print after the speaker's
// name ("Agent Beth (10:38): ..."); group 1 is the part to drop.
var clockAfterName = regexp.MustCompile(`^[^:\n]{1,40}?(\s*\(\d{1,2}:\d{2}(?::\d{2})?(?:\s?[APap][Mm])?\)):\s`)

// Chat transcripts ("[10:02] Bot: Hi! How can I help?" / "[10:03] Ana:
// I can't log in") carry the support bot's greeting, its canned article
// suggestions and the agents' answers: boilerplate that is the same in
// every transcript and would make unrelated chats look alike. Only the
// customer's lines say what is wrong, so only they are kept.

// speakerLine splits "[10:02] Name: text" (the time optional, in brackets
// or not, with am/pm or not) into the speaker and the text.
func speakerLine(line string) (speaker, text string, ok bool) {
	s := strings.TrimSpace(line)
	s = trimClock(s)
	if strings.Contains(s, "): ") { // this runs per line: look before matching
		if m := clockAfterName.FindStringSubmatchIndex(s); m != nil {
			// "Sprig (bot) (09:51): text": the time after the name.
			s = s[:m[2]] + s[m[3]:]
		}
	}
	if name, ok := blockHeader(strings.TrimSpace(line)); ok {
		// "15:02 · Pathfinder" on a line of its own: what the speaker
		// said follows on the next lines.
		return name, "", true
	}
	if strings.HasPrefix(s, "[") || strings.HasPrefix(s, "(") {
		// "[Quill (bot)] Hi!", "[Ana] I can't log in", "(bot) Hey
		// there!": the speaker in brackets, no colon.
		closer := byte(']')
		if s[0] == '(' {
			closer = ')'
		}
		if end := strings.IndexByte(s, closer); end > 1 && end <= 48 && end+1 < len(s) && s[end+1] == ' ' {
			speaker = strings.TrimSpace(s[1:end])
			if speaker != "" && isLetterStart(speaker) && strings.Count(speaker, " ") <= 4 && !strings.ContainsAny(speaker, "@/<>[]{}=:") {
				return speaker, strings.TrimSpace(s[end+1:]), true
			}
		}
		return "", "", false
	}
	if name, text, ok := gapSpeaker(s); ok {
		// "BOT    Hello and welcome!": the speaker, then a wide gap.
		return name, text, true
	}
	colon := strings.IndexByte(s, ':')
	if colon <= 0 || colon > 48 || colon+1 >= len(s) || s[colon+1] != ' ' {
		return "", "", false
	}
	speaker = strings.TrimSpace(s[:colon])
	if speaker == "" || !isLetterStart(speaker) || strings.Count(speaker, " ") > 4 || strings.ContainsAny(speaker, "@/<>[]{}=") {
		return "", "", false
	}
	if low := strings.ToLower(speaker); notSpeakers[low] || formLabel(low) {
		// "Priority (as selected): Normal" is a web form's field, not a
		// person in a chat: taken for an agent, it would drop every line
		// after it, the customer's message included.
		return "", "", false
	}
	return speaker, strings.TrimSpace(s[colon+1:]), true
}

// blockHeader matches the line some widgets print above each turn of a
// chat, the time and the speaker and nothing else: "15:02 · Pathfinder",
// "Pathfinder · 15:02", "[15:02] - Ana Lima". Without the clock it is no
// header: "- reset my password" is a list's item.
func blockHeader(line string) (name string, ok bool) {
	if t := trimClock(line); t != line {
		for _, sep := range headerSeps {
			if rest, found := strings.CutPrefix(t, sep); found && speakerName(rest) {
				return rest, true
			}
		}
		return "", false
	}
	for _, sep := range headerSeps {
		i := strings.LastIndex(line, " "+sep)
		if i <= 0 {
			continue
		}
		if clock := strings.TrimSpace(line[i+1+len(sep):]); clock != "" && trimClock(clock) == "" {
			if rest := strings.TrimSpace(line[:i]); speakerName(rest) {
				return rest, true
			}
		}
	}
	return "", false
}

var headerSeps = []string{"· ", "- ", "– ", "| "}

// gapSpeaker splits a line some exports write as the speaker, a wide gap
// (three spaces or more, or a tab) and the text: "BOT    Hello!",
// "CUSTOMER\tmy labels won't print".
func gapSpeaker(s string) (name, text string, ok bool) {
	i := strings.IndexAny(s, " \t")
	for i > 0 && i <= 40 {
		rest := s[i:]
		gap := len(rest) - len(strings.TrimLeft(rest, " \t"))
		if gap >= 3 || strings.HasPrefix(rest, "\t") {
			name, text = strings.TrimSpace(s[:i]), strings.TrimSpace(rest)
			if text != "" && speakerName(name) {
				return name, text, true
			}
			return "", "", false
		}
		j := strings.IndexAny(rest[gap:], " \t")
		if j < 0 {
			break
		}
		i += gap + j
	}
	return "", "", false
}

// speakerName reports whether s can be a chat participant's name alone on
// its line: short, starting with a letter, no sentence punctuation.
func speakerName(s string) bool {
	return len(s) > 0 && len(s) <= 40 && isLetterStart(s) && strings.Count(s, " ") <= 4 && !strings.ContainsAny(s, ":.!?@/<>[]{}=,")
}

// notSpeakers are labels that look like "Name:" but start mail headers
// or ordinary lines of a message.
var notSpeakers = map[string]bool{
	"from": true, "to": true, "cc": true, "bcc": true, "sent": true, "date": true, "subject": true, "re": true, "fwd": true, "fw": true,
	"von": true, "an": true, "gesendet": true, "betreff": true, "de": true, "objet": true, "envoyé": true, "para": true, "asunto": true, "enviado": true,
	"note": true, "error": true, "ps": true, "p.s": true, "steps": true, "browser": true, "version": true, "update": true, "edit": true,
	"order": true, "ticket": true, "reference": true, "ref": true, "account": true, "plan": true, "os": true, "device": true, "phone": true,
	"email": true, "e-mail": true, "name": true, "company": true, "url": true, "link": true, "expected": true, "actual": true, "result": true,
	"message": true, "details": true, "summary": true, "issue": true, "problem": true, "question": true, "tel": true, "mobile": true,
	"chat": true, "live chat": true, "chat transcript": true, "conversation": true, "transcript": true, "chat with": true, "topic": true,
	"workspace": true, "user": true, "page": true, "app version": true, "channel": true, "chat started": true, "conversation started": true,
	"started": true, "source": true, "via": true, "rating": true, "tags": true, "status": true, "assignee": true, "duration": true,
}

// trimClock drops a leading "[10:02]", "10:02", "10:02:13" or "10:02 AM".
func trimClock(s string) string {
	r := s
	bracket := strings.HasPrefix(r, "[") || strings.HasPrefix(r, "(")
	if bracket {
		r = r[1:]
	}
	i := 0
	for i < len(r) && i < 2 && r[i] >= '0' && r[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(r) || r[i] != ':' {
		return s
	}
	j := i + 1
	for n := 0; n < 2 && j < len(r) && r[j] >= '0' && r[j] <= '9'; n++ {
		j++
	}
	if j != i+3 {
		return s
	}
	if j+2 < len(r) && r[j] == ':' && r[j+1] >= '0' && r[j+1] <= '9' {
		j += 3
	}
	rest := strings.TrimLeft(r[j:], " ")
	if low := strings.ToLower(rest); strings.HasPrefix(low, "am") || strings.HasPrefix(low, "pm") {
		rest = strings.TrimLeft(rest[2:], " ")
	}
	if bracket {
		if !strings.HasPrefix(rest, "]") && !strings.HasPrefix(rest, ")") {
			return s
		}
		rest = strings.TrimLeft(rest[1:], " ")
	}
	return rest
}

func isLetterStart(s string) bool {
	c := s[0]
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

// staffWords mark a speaker as the support side, as a word of the name
// (a word ending in "bot" counts too: "Kettlebot").
var staffWords = map[string]bool{"bot": true, "assistant": true, "agent": true, "support": true, "helpdesk": true, "team": true, "concierge": true,
	"automated": true, "system": true, "virtual": true, "operator": true, "service": true, "ai": true, "helper": true}

func staffName(name string) bool {
	if strings.Contains(name, "(") {
		return true // "Ana (Acme)": an agent signed with the company
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '.' }) {
		if staffWords[w] || len(w) > 3 && strings.HasSuffix(w, "bot") {
			return true
		}
	}
	return false
}

// customerWords mark a speaker as the customer.
var customerWords = map[string]bool{"visitor": true, "customer": true, "user": true, "client": true, "guest": true, "you": true, "me": true, "kunde": true}

// joined matches a chat widget's notice that an agent took the chat.
var joined = regexp.MustCompile(`^(?:agent\s+)?(\S+(?:\s\S+)?)\s+(?:has\s+)?joined\s+(?:the\s+)?(?:chat|conversation)`)

// greetings are what a bot or an agent opens a chat with.
var greetings = []string{"how can i help", "how may i help", "what can i help", "how can we help", "help you", "assist you", "i'm your", "i am your",
	"virtual assistant", "welcome to", "ask me anything", "thanks for reaching out", "thanks for contacting", "thank you for contacting"}

// openers are what only the support side opens a chat with: a customer's
// first line may say "my assistant", but not as the chat's first words.
var openers = []string{"assistant", "type your question", "choose an option", "pick a topic", "select an option"}

// stripTranscript keeps the customer's lines of a chat transcript and
// returns other text unchanged. A text is a transcript when at least two
// of its lines are "Name: text" lines from at least two speakers, one of
// whom is recognisably the support side: a name such as "Bot", "Support"
// or "Ana (Acme)", or the first speaker opening with a greeting. Lines
// before the first speaker line (a subject) are kept; a line that is not a
// speaker line continues the one before it.
func stripTranscript(s string) string {
	if strings.Count(s, ": ")+strings.Count(s, "] ")+strings.Count(s, ") ")+strings.Count(s, "· ")+strings.Count(s, " - ")+strings.Count(s, "   ")+strings.Count(s, "\t") < 2 || strings.IndexByte(s, '\n') < 0 {
		return s
	}
	lines := strings.Split(s, "\n")
	type said struct {
		speaker, text string
	}
	parsed := make([]said, len(lines))
	var speakers []string
	firstText := map[string]string{}
	n := 0
	last := ""
	for i, line := range lines {
		sp, text, ok := speakerLine(line)
		if !ok {
			if t := strings.TrimSpace(line); last != "" && firstText[last] == "" && t != "" {
				// The first words under a "15:02 · Pathfinder" header.
				firstText[last] = t
			}
			continue
		}
		last = sp
		parsed[i] = said{sp, text}
		n++
		if _, seen := firstText[sp]; !seen {
			speakers = append(speakers, sp)
			firstText[sp] = text
		}
	}
	if n < 2 || len(speakers) < 2 {
		return s
	}
	staff := map[string]bool{}
	// "Devon joined the chat": whoever joins a chat is an agent.
	for _, p := range parsed {
		if p.speaker == "" {
			continue
		}
		if m := joined.FindStringSubmatch(p.text); m != nil {
			staff[m[1]] = true
		}
	}
	anyStaff := false
	for _, sp := range speakers {
		low := strings.ToLower(sp)
		switch {
		case customerWords[low]:
		case staff[sp]:
		case staffName(sp):
			staff[sp] = true
		case containsAny(strings.ToLower(firstText[sp]), greetings),
			sp == speakers[0] && containsAny(strings.ToLower(firstText[sp]), openers):
			// Whoever opens with "how can I help" is the support side,
			// and so is a chat's first speaker who introduces itself as
			// an assistant.
			staff[sp] = true
		}
		anyStaff = anyStaff || staff[sp]
	}
	if !anyStaff || len(staff) == len(speakers) {
		return s
	}
	// When the widget names the customer's side ("Customer:",
	// "Visitor:"), only that side is the customer; otherwise every
	// speaker who is not support is.
	named := false
	for _, sp := range speakers {
		named = named || customerWords[strings.ToLower(sp)]
	}
	if named {
		for _, sp := range speakers {
			if !customerWords[strings.ToLower(sp)] {
				staff[sp] = true
			}
		}
	}
	var b strings.Builder
	keep := true
	started := false
	for i, line := range lines {
		if parsed[i].speaker != "" {
			started = true
			keep = !staff[parsed[i].speaker]
			if keep && parsed[i].text != "" {
				b.WriteString(parsed[i].text)
				b.WriteByte('\n')
			}
			continue
		}
		// Before the first speaker: the subject and the widget's header;
		// "Chat with Ana" or "Live chat transcript" says nothing.
		if !started && (containsAny(strings.ToLower(line), []string{"chat", "transcript", "conversation"}) ||
			strings.TrimSpace(line) != "" && !strings.ContainsFunc(line, unicode.IsLetter)) {
			continue // and a rule ("———") under it
		}
		if !started || keep {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Web forms and in-app reports arrive as "Label: value" lines (Name:,
// Email:, Company:, Browser:, App version: ...) around the customer's
// message: who sent it and from where, the same in every report, and
// names that make unrelated tickets look alike. Those lines are dropped;
// the message field's value is kept.

// formFields are labels whose line is form metadata.
var formFields = map[string]bool{
	"name": true, "full name": true, "email": true, "e-mail": true, "email address": true, "company": true, "organisation": true, "organization": true,
	"phone": true, "tel": true, "topic": true, "category": true, "priority": true, "workspace": true, "user": true, "account": true, "plan": true,
	"page": true, "url": true, "browser": true, "os": true, "device": true, "app version": true, "version": true, "store": true, "order": true,
	"submitted via": true, "submitted": true, "ticket": true, "reference": true, "customer id": true, "user id": true, "locale": true, "language": true,
	"country": true, "region": true, "platform": true, "channel": true, "chat started": true, "conversation started": true, "started": true,
	"source": true, "via": true, "rating": true, "tags": true, "assignee": true, "duration": true, "store url": true, "shop url": true,
	"store name": true, "website": true, "site": true, "domain": true,
}

// messageFields are labels whose value is the customer's own words.
var messageFields = map[string]bool{"message": true, "description": true, "details": true, "comment": true, "comments": true, "question": true, "problem": true, "issue": true}

// stripForm drops the metadata lines of a form submission. A text counts
// as a form when at least two of its lines are "Label: value" lines with
// known labels; other text is returned unchanged.
func stripForm(s string) string {
	if strings.Count(s, ":") < 2 {
		return s
	}
	lines := strings.Split(s, "\n")
	n := 0
	for _, line := range lines {
		if label, _, ok := formLine(line); ok && formFields[label] {
			n++
		}
	}
	if n < 2 {
		return s
	}
	var b strings.Builder
	for _, line := range lines {
		label, value, ok := formLine(line)
		switch {
		case ok && formFields[label]:
			continue
		case ok && messageFields[label]:
			line = value
		case strings.HasPrefix(strings.ToLower(strings.TrimSpace(line)), "submitted via"), strings.TrimSpace(line) == "---":
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// formLabel reports whether label (lower case) names a form field,
// metadata or message, with or without a hint in brackets ("priority (as
// selected)", "phone (optional)").
func formLabel(label string) bool {
	label = withoutHint(label)
	return formFields[label] || messageFields[label]
}

// withoutHint drops a trailing hint in brackets from a form label:
// "priority (as selected)" is the priority field.
func withoutHint(label string) string {
	if i := strings.IndexByte(label, '('); i > 0 && strings.HasSuffix(label, ")") {
		return strings.TrimSpace(label[:i])
	}
	return label
}

// formLine splits "Label: value" with a short label of at most three
// words (a hint in brackets after it does not count).
func formLine(line string) (label, value string, ok bool) {
	t := strings.TrimSpace(line)
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 40 {
		return "", "", false
	}
	label, value = withoutHint(strings.ToLower(strings.TrimSpace(t[:i]))), strings.TrimSpace(t[i+1:])
	words := strings.Count(label, " ") + 1
	switch {
	case strings.HasSuffix(label, "?") && words <= 7:
		// "What can we help with?: Orders & notifications": the form's
		// own question, answered by picking a category.
		if strings.Count(value, " ") < 5 {
			return "topic", value, true
		}
		return "message", value, true
	case i > 24 || words > 3:
		return "", "", false
	}
	return label, value, true
}
