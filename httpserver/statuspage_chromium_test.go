package httpserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/png"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"stormdesk"
	"stormdesk/desk/desktest"
	"stormdesk/httpserver"
	"stormdesk/internal/chromium"
	"stormdesk/statuspage"
	"stormdesk/templates"
)

var update = flag.Bool("update", false, "rewrite the status page's screenshots in docs/")

// statusPageComponents are five components, one in each state once
// statusPageServer has run: Login by the published major incident #1,
// the others by an operator's override.
var statusPageComponents = []struct {
	stormdesk.Component
	want stormdesk.ComponentStatus
}{
	{stormdesk.Component{ID: "login", Name: "Login", Features: []string{"login"}}, stormdesk.ComponentPartialOutage},
	{stormdesk.Component{ID: "checkout", Name: "Checkout", Description: "Paying for an order", Features: []string{"checkout"}}, stormdesk.ComponentDegraded},
	{stormdesk.Component{ID: "search", Name: "Search", Features: []string{"search"}}, stormdesk.ComponentMajorOutage},
	{stormdesk.Component{ID: "video", Name: "Video calls", Description: "Calls and screen sharing", Features: []string{"video"}}, stormdesk.ComponentUnderMaintenance},
	{stormdesk.Component{ID: "api", Name: "Public API", Features: []string{"api"}}, stormdesk.ComponentOperational},
}

// statusPageServer serves the real handler over a desk (on the fixed
// clock of desktest) whose page shows an open published incident with
// two updates, a resolved one, the five components of
// statusPageComponents in their five states, a scheduled maintenance and
// the subscription form.
func statusPageServer(t *testing.T) *httptest.Server {
	t.Helper()
	comps := make([]stormdesk.Component, len(statusPageComponents))
	for i, c := range statusPageComponents {
		comps[i] = c.Component
	}
	d := desktest.NewWithComponents(t, comps)
	ctx := context.Background()
	step := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		d.Now = d.Now.Add(7 * time.Minute)
	}
	_, err := d.Acknowledge(ctx, 1, "ana", "api:ana")
	step(err)
	_, err = d.Publish(ctx, 1, "Sign-in failures", "ana")
	step(err)
	_, err = d.SetStatus(ctx, 1, stormdesk.StatusIdentified, "Our identity provider is failing; we are switching to the standby.", "ana", "api:ana")
	step(err)
	_, err = d.Acknowledge(ctx, 2, "bo", "api:bo")
	step(err)
	_, err = d.Publish(ctx, 2, "Slow payments", "bo")
	step(err)
	_, err = d.SetStatus(ctx, 2, stormdesk.StatusResolved, "Payments are fast again.", "bo", "api:bo")
	step(err)
	for _, c := range statusPageComponents[1:] {
		if c.want != stormdesk.ComponentOperational {
			_, err = d.SetComponentStatus(ctx, c.ID, c.want, "bo")
			step(err)
		}
	}
	// Announced ahead: the page lists it and the Public API stays
	// operational until its window.
	_, err = d.ScheduleMaintenance(ctx, stormdesk.Maintenance{Components: []string{"api"}, StartsAt: d.Now.Add(36 * time.Hour), EndsAt: d.Now.Add(38 * time.Hour),
		Title: "Public API database upgrade", Text: "Requests may fail for up to a minute while we switch databases."}, "bo", "api:bo")
	step(err)
	return serveDesk(t, d, func(srv *httpserver.Server) {
		// No logo: the browser must not reach for the network.
		srv.StatusPage = statuspage.Config{Name: "Acme status", URL: "https://status.acme.example", Brand: "#0b3d91", Text: "#ffffff"}
		// Customer email on: the page ends with the subscription form.
		srv.Email = &httpserver.Email{VerifyUnsubscribe: func(string) (string, []string, error) { return "", nil, nil },
			VerifyConfirm: func(string) (string, []string, time.Time, error) {
				return "", nil, time.Time{}, stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "no")
			}}
	})
}

// measureJS runs in the page once it has loaded and writes what it
// measured, as URI-encoded JSON, into <pre id="measured"> at the end of
// the body, after measuring, so the element changes nothing measured.
//
// Contrast is computed as WCAG 2 defines it, from the computed styles:
// the text's colour over the first opaque background behind it, the
// translucent ones between blended in, white (the canvas) at the bottom.
// Every rendered element that holds text of its own is checked.
const measureJS = `
window.addEventListener('load', function () {
  var frame = document.getElementById('page'), win = frame.contentWindow, doc = frame.contentDocument;
  function rgba(s) {
    var m = /rgba?\(([^)]*)\)/.exec(s);
    if (!m) return null;
    var p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function over(top, under) {
    var a = top.a + under.a * (1 - top.a);
    if (a === 0) return {r: 0, g: 0, b: 0, a: 0};
    function ch(k) { return (top[k] * top.a + under[k] * under.a * (1 - top.a)) / a; }
    return {r: ch('r'), g: ch('g'), b: ch('b'), a: a};
  }
  function background(el) {
    var layers = [];
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      var c = rgba(win.getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    var bg = {r: 255, g: 255, b: 255, a: 1};
    for (var i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  }
  function lum(c) {
    function f(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function hex(c) { return '#' + [c.r, c.g, c.b].map(function (v) { return ('0' + Math.round(v).toString(16)).slice(-2); }).join(''); }
  function shown(el) {
    var st = win.getComputedStyle(el), r = el.getBoundingClientRect();
    return el.getClientRects().length > 0 && r.width > 0 && r.height > 0 && st.visibility === 'visible' && Number(st.opacity) > 0;
  }
  function name(el) { return el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''); }
  var W = win.innerWidth, de = doc.documentElement;
  var out = {innerWidth: W, scrollWidth: Math.max(de.scrollWidth, doc.body.scrollWidth), landmarks: {}, components: [], contrast: [], overflow: [], textChecked: 0, minRatio: 99};
  ['header', 'main', 'footer'].forEach(function (tag) {
    out.landmarks[tag] = Array.prototype.filter.call(doc.getElementsByTagName(tag), shown).length;
  });
  doc.querySelectorAll('.components > li').forEach(function (li) {
    var n = li.querySelector('.name'), s = li.querySelector('.state'), r = s ? s.getBoundingClientRect() : null;
    out.components.push({name: n ? n.textContent.trim() : '',
      shown: !!s && shown(s) && r.left >= 0 && r.right <= W + 0.5, words: s ? s.innerText.replace(/\s+/g, ' ').trim() : ''});
  });
  doc.querySelectorAll('body *').forEach(function (el) {
    if (!shown(el)) return;
    var r = el.getBoundingClientRect();
    if (r.right > W + 0.5 && out.overflow.length < 10) out.overflow.push(name(el) + ' right=' + Math.round(r.right));
    var own = Array.prototype.some.call(el.childNodes, function (c) { return c.nodeType === 3 && c.textContent.trim() !== ''; });
    if (!own) return;
    var fg = rgba(win.getComputedStyle(el).color), bg = background(el);
    if (!fg) { out.contrast.push({el: name(el), text: el.textContent.trim().slice(0, 40), ratio: 0, fg: win.getComputedStyle(el).color, bg: hex(bg)}); return; }
    var f = over(fg, bg), a = lum(f), b = lum(bg), ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    out.textChecked++;
    out.minRatio = Math.min(out.minRatio, ratio);
    if (ratio < 4.5) out.contrast.push({el: name(el), text: el.textContent.trim().slice(0, 40), ratio: ratio, fg: hex(f), bg: hex(bg)});
  });
  var pre = document.createElement('pre');
  pre.id = 'measured';
  pre.textContent = encodeURIComponent(JSON.stringify(out));
  document.body.appendChild(pre);
});
`

// measured is what measureJS reports.
type measured struct {
	InnerWidth  int            `json:"innerWidth"`
	ScrollWidth int            `json:"scrollWidth"`
	Landmarks   map[string]int `json:"landmarks"`
	Components  []struct {
		// Words is the state's element's text as rendered.
		Name, Words string
		Shown       bool
	} `json:"components"`
	// Contrast lists the texts under 4.5:1.
	Contrast []struct {
		El, Text, Fg, Bg string
		Ratio            float64
	} `json:"contrast"`
	Overflow    []string `json:"overflow"`
	TextChecked int      `json:"textChecked"`
	MinRatio    float64  `json:"minRatio"`
}

var measuredRE = regexp.MustCompile(`<pre id="measured">([^<]*)</pre>`)

// measure shows the page (as the handler served it) in a frame of w×h
// CSS pixels, measureJS measuring it from outside, and returns what it
// found. The handler's Content-Security-Policy forbids any script on the
// page, and headless Chromium lays out nothing narrower than 500 px, so
// the page is measured in a frame (chromium.Framed) of the phone's width.
func measure(t *testing.T, browser, page string, w, h int) measured {
	t.Helper()
	dom := chromium.DumpDOM(t, browser, chromium.Framed(t, page, w, h, measureJS), w, h)
	m := measuredRE.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the measuring script wrote nothing; the document:\n%.2000s", dom)
	}
	js, err := url.PathUnescape(m[1])
	if err != nil {
		t.Fatal(err)
	}
	var got measured
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatalf("%v: %s", err, js)
	}
	return got
}

// TestStatusPageInChromium renders /status, served by the real handler
// with an open published incident, a resolved one and five components in
// the five states, in headless Chromium on a phone (390 px) and a desktop
// (1200 px), and measures it in the browser: no horizontal scroll, every
// component's state shown in words inside the window, header, main and
// footer landmarks, and every text at a contrast of 4.5:1 or more,
// computed from the computed styles. The same page spoiled on purpose (a
// too-wide block, a pale text) must fail those checks, so they measure
// what they say. A screenshot of each width is compared with its golden
// copy in docs/ (the docs show them) by where the brand and state colours
// are, not pixel by pixel, so fonts may differ; -update rewrites them.
func TestStatusPageInChromium(t *testing.T) {
	browser := chromium.Find(t, "the status page")
	ts := statusPageServer(t)
	resp, page := get(t, ts, "/status")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Fatalf("/status: %d %v", resp.StatusCode, resp.Header)
	}
	if strings.Contains(page, "<script") {
		t.Fatalf("the page has a script")
	}

	for _, view := range []struct {
		name string
		w, h int
	}{{"phone", 390, 1400}, {"desktop", 1200, 1400}} {
		t.Run(view.name, func(t *testing.T) {
			m := measure(t, browser, page, view.w, view.h)
			t.Logf("%d px: scroll width %d, landmarks %v, %d texts checked, least contrast %.2f:1", m.InnerWidth, m.ScrollWidth, m.Landmarks, m.TextChecked, m.MinRatio)
			if m.InnerWidth != view.w {
				t.Fatalf("the window is %d px wide, want %d: the browser did not take the size", m.InnerWidth, view.w)
			}
			if m.ScrollWidth > view.w {
				t.Errorf("the page is %d px wide in a %d px window: it scrolls sideways; too wide: %v", m.ScrollWidth, view.w, m.Overflow)
			}
			for _, tag := range []string{"header", "main", "footer"} {
				if m.Landmarks[tag] != 1 {
					t.Errorf("%d visible <%s> landmarks, want 1", m.Landmarks[tag], tag)
				}
			}
			if len(m.Components) != len(statusPageComponents) {
				t.Fatalf("%d components on the page, want %d: %+v", len(m.Components), len(statusPageComponents), m.Components)
			}
			for i, c := range statusPageComponents {
				got := m.Components[i]
				// The words, not the symbol (hidden from screen readers)
				// nor the colour, name the state.
				if got.Name != c.Name || !strings.HasSuffix(got.Words, " "+c.want.Label()) || !got.Shown {
					t.Errorf("component %d: %q shows %q (visible in the window: %v), want %q showing %q", i, got.Name, got.Words, got.Shown, c.Name, c.want.Label())
				}
			}
			for _, c := range m.Contrast {
				t.Errorf("%s %q: contrast %.2f:1 (%s on %s), want at least 4.5:1", c.El, c.Text, c.Ratio, c.Fg, c.Bg)
			}
			if m.TextChecked < 30 {
				t.Errorf("only %d texts had their contrast checked", m.TextChecked)
			}

			compareStatusShot(t, browser, page, view.w, view.h)
		})
	}

	// The checks fail on a page that is too wide or has a pale text.
	spoiled := strings.Replace(page, "</style>", ".desc{color:#b0b0b0}\nfooter{min-width:600px}\n</style>", 1)
	m := measure(t, browser, spoiled, 390, 1400)
	if m.ScrollWidth <= 390 {
		t.Errorf("a 600 px footer in a 390 px window: scroll width %d, the overflow is not measured", m.ScrollWidth)
	}
	pale := 0
	for _, c := range m.Contrast {
		if c.El == "p.desc" {
			pale++
		}
	}
	if pale != 2 {
		t.Errorf("pale descriptions: %d texts under 4.5:1 (%+v), want the 2 descriptions", pale, m.Contrast)
	}
}

// statusColours are the header's brand colour and the five state
// colours (templates.StateColours): the overall banner, the state labels,
// the incidents' edges and the uptime bars (operational ones at 0.55
// opacity, so 0.5 counts).
var statusColours = func() []chromium.Figure {
	figs := []chromium.Figure{{Name: "brand", Fill: chromium.Hex("#0b3d91"), Alpha: 0.9}}
	for _, s := range stormdesk.ComponentStatuses {
		figs = append(figs, chromium.Figure{Name: string(s), Fill: chromium.Hex(templates.StateColours[s]), Alpha: 0.5})
	}
	return figs
}()

// compareStatusShot takes a screenshot of the page in a frame of w×h
// and compares it with docs/status-page-W.png (the docs show them): each
// colour's pixels, counted and boxed, relative to the header's corner,
// within 16 px across and 48 px down (a line more or less of wrapped
// text above, in another font). Every state colour must be there.
func compareStatusShot(t *testing.T, browser, page string, w, h int) {
	t.Helper()
	shot, img := chromium.Screenshot(t, browser, chromium.Framed(t, page, w, h, ""), w, h)
	if size := img.Bounds().Size(); size != (image.Point{w, h}) {
		t.Fatalf("the screenshot is %v, want %dx%d", size, w, h)
	}
	got, painted := chromium.Figures(img, statusColours)
	chromium.LogFigures(t, "status page", statusColours, got, painted, img.Bounds().Size())
	for _, c := range statusColours {
		if got[c.Name].N < 100 {
			t.Errorf("%s: %d pixels of %v, want at least 100", c.Name, got[c.Name].N, c.Fill)
		}
	}
	path := filepath.Join("..", "docs", fmt.Sprintf("status-page-%d.png", w))
	if *update {
		if err := os.WriteFile(path, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
	golden, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./httpserver -run StatusPageInChromium -update writes it)", err)
	}
	gimg, err := png.Decode(bytes.NewReader(golden))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	want, _ := chromium.Figures(gimg, statusColours)
	chromium.CompareFigures(t, fmt.Sprintf("%d px", w), statusColours, got, want, got["brand"].Box.Min, want["brand"].Box.Min, 16, 48)
}
