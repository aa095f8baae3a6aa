package triage

import (
	"bytes"
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Message is what triage reads in one ticket besides its words: whether
// it is a report at all, and whether its writer describes a problem of
// their own or one that many share.
type Message struct {
	// Noise names why the ticket is not a customer's report: "auto-reply"
	// (out of office and other automatic answers) or "bounce" (a delivery
	// failure notice); "" for a report. Noise never counts toward an
	// incident and never joins one.
	Noise string
	// Individual lists the cues that the problem is the customer's own
	// (forgot_password, reset_link, locked_out, lost_2fa, wrong_email,
	// only_me, invite, own_setup), sorted.
	Individual []string
	// Collective lists the cues that many are affected (everyone,
	// is_it_down, outage), sorted.
	Collective []string
	// FollowUp is true when the ticket refers to an earlier report ("any
	// update?", "still not working", "as I said").
	FollowUp bool
	// Trouble is true when the customer's words say something is wrong
	// ("not", "error", "stuck", "wrong", "fix"...): a question with
	// trouble in it may be a report; one without is a how-to question.
	Trouble bool
}

// IsIndividual reports whether the message describes a problem of the
// customer's own: a strong individual cue and no sign that others share
// it. A change the customer's organisation made itself (own_setup) stays
// individual even when the whole team is affected.
func (m Message) IsIndividual() bool { return m.Grade() == Individual }

// outage reports whether the message asks if the service is down or calls
// it an outage.
func (m Message) outage() bool {
	for _, c := range m.Collective {
		if c == "is_it_down" || c == "outage" {
			return true
		}
	}
	return false
}

// ownsMistake reports whether the writer guesses at or owns a mistake
// of their own ("did I type it wrong?", "my bad"): no storm overrides
// that.
func (m Message) ownsMistake() bool {
	return slices.Contains(m.Individual, "own_mistake")
}

// Grade says how strongly the message reads as an individual problem.
func (m Message) Grade() Grade {
	if m.Noise != "" {
		return Individual
	}
	grade := Report
	for _, c := range m.Individual {
		switch {
		case c == "own_setup" || c == "own_mistake":
			return Individual
		case weakCues[c]:
			grade = max(grade, Doubtful)
		default:
			grade = Individual
		}
	}
	if len(m.Collective) > 0 {
		return Report
	}
	return grade
}

// Grade ranks a ticket from a plain report to an individual problem.
type Grade int

// Grades.
const (
	// Report: nothing says the problem is the customer's own.
	Report Grade = iota
	// Doubtful: a weak cue (a question, "not urgent", a reset link).
	Doubtful
	// Individual: a strong cue (forgot password, lost 2FA device...).
	Individual
)

// weakCues raise the bar without ruling a ticket out: "the reset email
// never arrives" or "I'm locked out" may well be an outage.
var weakCues = map[string]bool{"works_otherwise": true, "reset_link": true, "invite": true, "locked_out": true, "question": true, "not_urgent": true, "one_customer": true}

// Why is a short human reason for keeping an individual problem out of
// an incident: "individual account problem: forgot password".
func (m Message) Why() string {
	if m.Noise != "" {
		return "not a report: " + strings.ReplaceAll(m.Noise, "-", " ")
	}
	if len(m.Individual) == 0 {
		return ""
	}
	parts := make([]string, len(m.Individual))
	for i, c := range m.Individual {
		parts[i] = strings.ReplaceAll(c, "_", " ")
	}
	if m.Grade() < Individual {
		return "reads like an individual question: " + strings.Join(parts, ", ")
	}
	return "individual account problem: " + strings.Join(parts, ", ")
}

//go:embed cues.txt
var cuesText string

var (
	cueOnce sync.Once
	cueLex  *Lexicon
	// collectiveCues are the canonical tokens of cues.txt that say many
	// are affected; every other cue is individual.
	collectiveCues = map[string]bool{"everyone": true, "is_it_down": true, "outage": true}
)

func cueLexicon() *Lexicon {
	cueOnce.Do(func() {
		l, err := ParseLexicon(cuesText, nil)
		if err != nil {
			panic(err) // cues.txt is covered by tests
		}
		cueLex = l
	})
	return cueLex
}

// Noise patterns: subjects of automatic answers and delivery failures, in
// the languages customers write in, and body phrases that give them away
// when the subject does not. They match the start of the subject.
var (
	autoReplySubject = regexp.MustCompile(`(?i)^\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|auto:|out of (the )?office|ooo\b|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique|absence|respuesta autom[áa]tica|fuera de la oficina|risposta automatica)`)
	autoReplyBody    = regexp.MustCompile(`(?i)^\s*automatic reply:|\b(i am|i'm|i’m) (currently )?(out of (the )?office|away from (the )?office|away until|on (annual |parental |sick )?leave|on vacation|on holiday|travelling with limited access)\b|\bthis is an automatic (reply|response|message)\b|\bauto-generated (reply|response)\b|\bich bin (derzeit )?(nicht im b[üu]ro|abwesend)\b|\bje suis (actuellement )?absent`)
	bounceSubject    = regexp.MustCompile(`(?i)^\s*(undeliverable|undelivered mail|delivery status notification|delivery failure|mail delivery (failed|failure|subsystem)|returned mail|failure notice|message not delivered|unzustellbar|non remis)`)
	bounceBody       = regexp.MustCompile(`(?i)\b(mailer-daemon|mail delivery subsystem|postmaster@|delivery to the following recipients? failed|the following message could not be delivered|address not found|550[ -]5\.1\.1|recipient address rejected|user unknown)\b`)
)

// noise classifies automatic messages.
func noise(subject, body string) string {
	head := body
	if len(head) > 2000 {
		head = head[:2000]
	}
	// The body patterns are long alternations; most bodies contain none
	// of the words they need, and a lower-cased look for those words is
	// far cheaper than the regular expressions.
	low := strings.ToLower(head)
	switch {
	case bounceSubject.MatchString(subject) || containsAny(low, bounceWords) && bounceBody.MatchString(head) && !hasCustomerVoice(head):
		return "bounce"
	case autoReplySubject.MatchString(subject) || containsAny(low, autoReplyWords) && autoReplyBody.MatchString(head):
		return "auto-reply"
	}
	return ""
}

// bounceWords and autoReplyWords: one of them is in every text the body
// patterns match.
var (
	bounceWords    = []string{"mailer-daemon", "delivery", "postmaster@", "could not be delivered", "address not found", "550", "recipient", "user unknown"}
	autoReplyWords = []string{"automatic reply:", "office", "away", "leave", "vacation", "holiday", "travelling", "automatic", "auto-generated", "büro", "buro", "abwesend", "absent"}
)

// hasCustomerVoice is true when a text that mentions a delivery failure
// also reads like a person writing ("I", "we", "can't"): a customer who
// quotes a bounce is still reporting something.
func hasCustomerVoice(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"i can't", "i cannot", "we can't", "we cannot", "please help", "our customers", "my customers", "is your"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// troubleWords are the stems that say something is wrong; a ticket that
// asks questions without any of them is a how-to question.
var troubleWords = map[string]bool{
	TokNot: true, "error": true, "fail": true, "failed": true, "broken": true, "broke": true, "break": true, "stuck": true, "down": true,
	"problem": true, "issu": true, "wrong": true, "crash": true, "freez": true, "frozen": true, "black": true, "blank": true, "spin": true,
	"hang": true, "slow": true, "timeout": true, "declin": true, "declined": true, "bounc": true, "miss": true, "lost": true, "outage": true,
	"unabl": true, "urgent": true, "asap": true, "help": true, "again": true, "still": true, "refus": true, "reject": true, "lag": true,
	"none": true, "noth": true, "gone": true, "empti": true, "disappear": true, "fix": true,
}

// trouble reports whether the customer's words (cleaned: no quotes, no
// bot lines) say something is wrong.
func trouble(toks []token) bool {
	for _, t := range toks {
		if troubleWords[t.Text] || t.Canon && (t.Text == "failed" || t.Text == "outage" || t.Text == "crash" || t.Text == "declined") {
			return true
		}
	}
	return false
}

// howTo reports whether the customer's words ask questions ("how long do
// payouts take?") without saying anything is wrong.
func howTo(cleaned []byte, wrong bool) bool {
	return !wrong && bytes.IndexByte(cleaned, '?') >= 0
}

// inspect reads a ticket's message signals from its text, the cues its
// normaliser found, its cleaned text and its tokens.
func inspect(text string, cues []string, cleaned []byte, toks []token) Message {
	subject, body, _ := strings.Cut(text, "\n")
	m := Message{Noise: noise(subject, body)}
	if m.Noise != "" {
		return m
	}
	m.Trouble = trouble(toks)
	if howTo(cleaned, m.Trouble) && !slices.Contains(cues, "question") {
		cues = append(slices.Clone(cues), "question")
	}
	for _, c := range cues {
		if c == "follow_up" {
			m.FollowUp = true
			continue
		}
		if collectiveCues[c] {
			m.Collective = append(m.Collective, c)
		} else {
			m.Individual = append(m.Individual, c)
		}
	}
	m.Individual = sortedUnique(m.Individual)
	m.Collective = sortedUnique(m.Collective)
	return m
}

// Inspect reads the message signals of a ticket (the engine does this
// for every ticket it assigns; this is for inspection and tests).
func Inspect(subject, body string) Message {
	n := newNormalizer(defaultLexicon(), DefaultConfig().MaxTextBytes)
	n.cues = cueLexicon()
	text := subject + "\n" + body
	toks := n.tokens(text)
	return inspect(text, n.found, n.buf, toks)
}
