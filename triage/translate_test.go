package triage

import (
	"slices"
	"testing"
)

func TestTranslate(t *testing.T) {
	// German, Spanish and French reports read as the English ones do.
	en := Normalize("the card payment was declined")
	for _, s := range []string{"Die Kartenzahlung wurde abgelehnt", "el pago con tarjeta fue rechazado", "le paiement par carte a été refusé"} {
		got := Normalize(s)
		for _, w := range []string{"payment", "declined"} {
			if !slices.Contains(got, w) {
				t.Errorf("%q -> %v: no %q (English: %v)", s, got, w, en)
			}
		}
	}
	if got := Normalize("tarjeta rechazada"); !slices.Contains(got, "card") {
		t.Errorf("tarjeta: %v", got)
	}
	// An English word the lexicon reads keeps its meaning.
	if got := Concepts("no audio in the meeting"); !slices.Contains(got, "audio") {
		t.Errorf("audio: %v", got)
	}
	// The lexicon's own multilingual phrases win over word by word.
	if got := Concepts("Bildschirm teilen geht nicht"); !slices.Contains(got, "screenshare") {
		t.Errorf("bildschirm teilen: %v", got)
	}
	// A product's English feature phrase matches the translated words.
	cfg := DefaultConfig()
	cfg.LexiconExtra = "checkout: payment failed, card declined\n"
	lex, err := ParseLexicon(cfg.LexiconExtra, defaultLexicon())
	if err != nil {
		t.Fatal(err)
	}
	n := newNormalizer(lex, cfg.MaxTextBytes)
	if got := conceptsOf(n.tokens("Zahlung fehlgeschlagen, Karte abgelehnt")); !slices.Contains(got, "checkout") {
		t.Errorf("feature phrase in German: %v", got)
	}
}

func TestSymptomsStayApart(t *testing.T) {
	// "Share won't start" and "share freezes" are two outages (issue 16,
	// cause 6): the freezing symptom has its own token, the start failure
	// does not get it.
	frozen := Concepts("the screen share freezes after a minute, viewers see a frozen slide")
	start := Concepts("screen share won't start, it fails with an error")
	if !slices.Contains(frozen, "frozen") || slices.Contains(start, "frozen") {
		t.Errorf("frozen %v, start %v", frozen, start)
	}
	if got := Concepts("Bildschirmfreigabe friert ein"); !slices.Contains(got, "frozen") {
		t.Errorf("German: %v", got)
	}
}
