package main

import (
	"context"
	"log/slog"

	"stormdesk/app"
)

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
	return app.Run(ctx, c, app.Deps{Log: log, Version: version}, e.ready)
}
