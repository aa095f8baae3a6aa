package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"stormdesk/desk"
	"stormdesk/httpserver"
	"stormdesk/notify"
	"stormdesk/schedule"
	"stormdesk/triage"
)

// triagePoll is how often the triage worker looks for tickets stored by
// other processes; tickets this process stores wake it at once.
const triagePoll = time.Second

func cmdServe(ctx context.Context, args []string, e *env) error {
	fs := newFlags(e, "serve", "serve [--listen ADDR] [--database URL]")
	listen := fs.String("listen", "", "address to listen on (overrides STORMDESK_LISTEN, default 127.0.0.1:8080)")
	db := fs.String("database", "", "database URL (overrides STORMDESK_DATABASE_URL, default sqlite:./stormdesk.db)")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	c, err := loadConfig(e, map[string]*string{"STORMDESK_LISTEN": listen, "STORMDESK_DATABASE_URL": db})
	if err != nil {
		return err
	}
	log := newLogger(c, e.stderr)
	for _, v := range c.Unknown {
		log.Warn("unknown environment variable (typo?)", slog.String("var", v))
	}
	up, err := loadUpstream(c)
	if err != nil {
		return err
	}
	store, elector, err := openStoreElector(ctx, c)
	if err != nil {
		return err
	}
	defer store.Close()

	d := desk.New(store)
	d.Log, d.ProductName = log, c.ProductName
	var schedElector schedule.Elector
	if elector != nil {
		// Several replicas may share this database: one leads (triage,
		// polls, probes); a clean shutdown hands over at once.
		d.Leader, schedElector = elector, elector
		defer elector.Resign(context.WithoutCancel(ctx))
	}
	// Everything the background workers read is set before they start.
	chatRoutes, alerters, stopChat, err := chatAdapters(c, d, log)
	if err != nil {
		return err
	}
	defer stopChat(context.WithoutCancel(ctx))
	stopPosts, err := startChatOutbox(ctx, store, d, alerters, log)
	if err != nil {
		return err
	}
	defer stopPosts()
	emailRoutes, stopEmail, err := startEmail(ctx, c, store, d, log)
	if err != nil {
		return err
	}
	defer stopEmail()
	chatRoutes = append(chatRoutes, emailRoutes...)
	if c.InboundSecret != "" {
		h := notify.InboundHandler(c.InboundSecret, notify.DefaultInboundMaxBytes, time.Now, d.IngestTicket, log)
		chatRoutes = append(chatRoutes, func(mux *http.ServeMux) { mux.Handle("POST /inbound/sendgrid/{secret}", h) })
	}
	if up != nil {
		d.SetUpstream(up)
	}
	tcfg := triage.DefaultConfig()
	if up != nil {
		tcfg = desk.TriageConfig(tcfg, up.Config)
	}
	if err := d.EnableTriage(ctx, tcfg); err != nil {
		return err
	}
	// Deferred calls run last-in first-out: the triage worker and the
	// group-commit writers stop after the HTTP server has finished its
	// requests, and before the store closes.
	wctx, stopWorker := context.WithCancel(context.WithoutCancel(ctx))
	waitWorker := d.StartTriageWorker(wctx, triagePoll)
	defer func() { stopWorker(); waitWorker() }()
	d.StartGroupCommit(desk.GroupCommitWriters(store.Backend()), desk.GroupCommitMax)
	defer d.StopGroupCommit()
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	srv := httpserver.New(d, c.APIToken, log, reg)
	srv.MaxBodyBytes = c.MaxBodyBytes
	// With STORMDESK_RATE_LIMIT=0 the limiter charges nothing but still
	// names each request's client (behind trusted proxies) for the access log.
	srv.RateLimit = &httpserver.RateLimit{Rate: c.RateLimit, Burst: 4 * c.RateLimit, Now: time.Now, TrustedProxies: c.TrustedProxies}

	sched, err := schedule.New(log, schedElector)
	if err != nil {
		return err
	}
	if err := sched.Every("triage-maintain", c.TriageInterval, d.MaintainTriage); err != nil {
		return err
	}
	if r := (desk.Reminders{NoUpdate: c.RemindNoUpdate, NoPostmortem: c.RemindPostmortem}); r != (desk.Reminders{}) {
		if err := sched.Every("reminders", time.Minute, func(ctx context.Context) error { _, err := d.Remind(ctx, r); return err }); err != nil {
			return err
		}
	}
	if c.Email.APIKey != "" {
		if err := sched.Every("email-deliveries", 30*time.Second, func(ctx context.Context) error { _, err := d.ReportDeliveries(ctx); return err }); err != nil {
			return err
		}
	}
	if up != nil {
		if err := scheduleUpstream(sched, d, up); err != nil {
			return err
		}
		log.Info("watching upstream", slog.Int("dependencies", len(up.Config.Dependencies)), slog.Int("probes", len(up.Config.Probes)))
	}
	sched.Start()
	defer sched.Stop()

	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s (STORMDESK_LISTEN): %w", c.Listen, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(reg, chatRoutes...),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("stormdesk serving", slog.String("addr", ln.Addr().String()), slog.String("store", store.Backend()),
		slog.Bool("auth", c.APIToken != ""), slog.String("version", version))
	if e.ready != nil {
		e.ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests", slog.Duration("timeout", c.ShutdownTimeout))
	sctx, cancel := context.WithTimeout(context.Background(), c.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}
