package notify_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"stormdesk/notify"
	"stormdesk/store/sqlite"
)

// eventPoster signs event webhook posts as SendGrid does.
type eventPoster struct {
	key *ecdsa.PrivateKey
	pub string
}

func newEventPoster(t *testing.T) *eventPoster {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	return &eventPoster{key: key, pub: base64.StdEncoding.EncodeToString(der)}
}

// sign returns the DER signature over timestamp+body.
func (p *eventPoster) sign(t *testing.T, at time.Time, body string) []byte {
	t.Helper()
	sum := sha256.Sum256([]byte(strconv.FormatInt(at.Unix(), 10) + body))
	sig, err := ecdsa.SignASN1(rand.Reader, p.key, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

func (p *eventPoster) request(at time.Time, body string, sig []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/sendgrid/events", strings.NewReader(body))
	r.Header.Set(notify.EventTimestampHeader, strconv.FormatInt(at.Unix(), 10))
	r.Header.Set(notify.EventSignatureHeader, base64.StdEncoding.EncodeToString(sig))
	return r
}

// twin is the other valid ECDSA signature of the same message, (r, n-s):
// anyone holding one signature can compute it.
func twin(t *testing.T, der []byte) []byte {
	t.Helper()
	var sig struct{ R, S *big.Int }
	if _, err := asn1.Unmarshal(der, &sig); err != nil {
		t.Fatal(err)
	}
	sig.S = new(big.Int).Sub(elliptic.P256().Params().N, sig.S)
	out, err := asn1.Marshal(sig)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEventWebhookRefusesStaleAndReplayedPosts: a validly signed post is
// applied once. Sent again (with the same signature, or with its ECDSA
// twin, which verifies too), or signed 30 days ago or 6 minutes ahead, it
// is refused with 401 and nothing is applied (issue 14, item 4). The
// replay guard is the store's, as in production.
func TestEventWebhookRefusesStaleAndReplayedPosts(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(1_772_366_400, 0)
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "events.db"), now)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := newEventPoster(t)
	var mu sync.Mutex
	var applied [][]notify.Event
	apply := func(_ context.Context, evs []notify.Event) error {
		mu.Lock()
		defer mu.Unlock()
		applied = append(applied, evs)
		return nil
	}
	h := notify.EventsHandler(p.pub, st, func() time.Time { return now }, apply, slog.New(slog.NewTextHandler(io.Discard, nil)))
	do := func(r *http.Request) int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Code
	}

	sig := p.sign(t, now, eventsBody)
	if code := do(p.request(now, eventsBody, sig)); code != http.StatusNoContent {
		t.Fatalf("a fresh signed post: %d, want 204", code)
	}
	if len(applied) != 1 || len(applied[0]) != 9 {
		t.Fatalf("applied %d posts, want 1 of 9 events", len(applied))
	}
	if err := notify.VerifyEventSignature(p.pub, base64.StdEncoding.EncodeToString(twin(t, sig)), strconv.FormatInt(now.Unix(), 10), []byte(eventsBody)); err != nil {
		t.Fatal("the twin signature does not verify: the test would prove nothing")
	}
	month := 30 * 24 * time.Hour
	for name, r := range map[string]*http.Request{
		"the same post again":      p.request(now, eventsBody, sig),
		"its ECDSA twin signature": p.request(now, eventsBody, twin(t, sig)),
		"signed 30 days ago":       p.request(now.Add(-month), eventsBody, p.sign(t, now.Add(-month), eventsBody)),
		"signed 6 minutes ahead":   p.request(now.Add(6*time.Minute), eventsBody, p.sign(t, now.Add(6*time.Minute), eventsBody)),
		"signed by someone else":   p.request(now, eventsBody, newEventPoster(t).sign(t, now, eventsBody)),
	} {
		if code := do(r); code != http.StatusUnauthorized {
			t.Errorf("%s: %d, want 401", name, code)
		}
	}
	if len(applied) != 1 {
		t.Errorf("applied %d posts, want 1: a refused post was applied", len(applied))
	}
	// A post within the window that was not seen before is taken.
	later := now.Add(4 * time.Minute)
	if code := do(p.request(later, eventsBody, p.sign(t, later, eventsBody))); code != http.StatusNoContent {
		t.Errorf("a new post of the same events 4 minutes later: %d, want 204", code)
	}
}
