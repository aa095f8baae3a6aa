package triage

import (
	"slices"
	"testing"
)

func TestInspect(t *testing.T) {
	for _, tc := range []struct {
		subject, body string
		noise         string
		individual    []string
		collective    []string
	}{
		{"Forgot my password", "I forgot my password and the reset link never arrived", "", []string{"forgot_password", "reset_link"}, nil},
		{"Can't log in", "None of us can log in, is something down on your end?", "", nil, []string{"everyone", "is_it_down"}},
		{"Locked out", "I got locked out after too many attempts", "", []string{"account_locked", "locked_out"}, nil},
		{"2FA", "I have a new phone and lost my authenticator codes", "", []string{"lost_2fa"}, nil},
		{"Automatic reply: Your ticket #123", "I am currently out of the office until Monday.", "auto-reply", nil, nil},
		{"Re: ticket", "Hi,\nI'm out of office with limited access to email.", "auto-reply", nil, nil},
		{"Auto: [Acme] Re: Not receiving SMS code", "Automatic reply: I'm away until Tuesday 19th May. Messages are not being forwarded.", "auto-reply", nil, nil},
		{"Undeliverable: Incident update", "Delivery has failed to these recipients or groups.", "bounce", nil, nil},
		{"Mail delivery failed", "This message was created automatically by mail delivery software.", "bounce", nil, nil},
		// A question mark is not a how-to question when something is wrong.
		{"transfer code??", "every payment i try to make wants a text code and none are arriving", "", nil, nil},
		{"Checkout", "Name: Noah Berg\nWhat can we help with?: Payments & checkout\nMessage: customers get a decline message", "", nil, nil},
		{"Logo", "How do I change the logo in the confirmation email?", "", []string{"question"}, nil},
		// A cause on the customer's side.
		{"Plan payment failed", "The payment for my plan failed because I froze my card after losing it.", "", []string{"own_cause"}, nil},
		{"Card declined", "Declined everywhere. I checked and my card isn't frozen, card expires in 2028.", "", nil, nil},
		// Context that rules out a cause is not a cue.
		{"Screen share freezing", "Our IT department confirmed nothing has changed on our firewall or proxy this week.", "", nil, nil},
		// Guessing at a cause of one's own.
		{"Card reader offline", "Card reader says offline since this morning. Our IT replaced the router yesterday, could that be it?", "", []string{"own_cause", "own_mistake", "question"}, nil},
		{"No rates", "No rates for any order since we changed the sender postcode, did I type it wrong?", "", []string{"own_cause", "own_mistake"}, nil},
		{"Passwort vergessen", "Ich habe mein Passwort vergessen.", "", []string{"forgot_password"}, nil},
		// "Everyone else" is the others who are fine, not the many affected.
		{"My account won't log in", "Everyone else in the house can get in, it's just my account.", "", []string{"only_me"}, nil},
		// A cause on the customer's side: a managed device, a file, an
		// upgrade of their own, a mistake they found themselves.
		{"upload failed", "upload keeps failing on the school laptop. at home it worked ok last week", "", []string{"own_cause"}, nil},
		{"Submit button missing", "there's no submit button on my assignment, my friend can still submit", "", []string{"only_me"}, nil},
		{"Video", "Is there a problem with video? (Update: it was booked in person, my bad.)", "", []string{"own_mistake"}, []string{"is_it_down"}},
		{"No me llega el código", "no me llega el código por SMS, cambié de número. Mis compañeras entran sin problema.", "", []string{"lost_2fa", "only_me"}, nil},
		// "Can" and "can't" differ: none of my classmates can upload is
		// not a friend who still can.
		{"Uploads", "None of my classmates can upload either", "", nil, nil},
	} {
		m := Inspect(tc.subject, tc.body)
		if m.Noise != tc.noise || !slices.Equal(m.Individual, tc.individual) || !slices.Equal(m.Collective, tc.collective) {
			t.Errorf("%q: got %+v, want noise %q individual %v collective %v", tc.subject, m, tc.noise, tc.individual, tc.collective)
		}
	}
	if !Inspect("Forgot my password", "").IsIndividual() || Inspect("Forgot password", "everyone on my team is locked out, is it down?").IsIndividual() {
		t.Error("IsIndividual")
	}
}
