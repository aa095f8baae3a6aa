// Command surge writes a uniform surge of everyday questions as replay
// tickets (JSON Lines): the BANKING77 training texts (77 intents, no
// incident among them; CC BY 4.0, see ../shared/data/banking77/SOURCE.md),
// shuffled with a fixed seed, repeated until -n tickets, from -customers
// customers, spread evenly over -span. Every ticket is labelled
// "background", so `stormdesk replay --label label` counts what a surge
// wrongly opens:
//
//	go run ./scripts/surge -n 100000 > /tmp/surge.jsonl
//	bin/stormdesk replay --tickets /tmp/surge.jsonl --label label
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"
)

func main() {
	data := flag.String("data", "../shared/data/banking77/train.csv", "BANKING77 train.csv")
	n := flag.Int("n", 100000, "tickets to write")
	customers := flag.Int("customers", 50000, "distinct customers")
	span := flag.Duration("span", 2*time.Hour, "time over which the tickets arrive")
	start := flag.String("start", "2026-06-01T08:00:00Z", "first ticket's time (RFC 3339)")
	flag.Parse()
	if err := run(*data, *n, *customers, *span, *start); err != nil {
		fmt.Fprintln(os.Stderr, "surge:", err)
		os.Exit(1)
	}
}

func run(data string, n, customers int, span time.Duration, start string) error {
	t0, err := time.Parse(time.RFC3339, start)
	if err != nil {
		return fmt.Errorf("-start: %w", err)
	}
	if n < 1 || customers < 1 || span <= 0 {
		return fmt.Errorf("-n, -customers and -span must be positive")
	}
	f, err := os.Open(data)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", data, err)
	}
	if len(rows) < 2 {
		return fmt.Errorf("%s: no rows", data)
	}
	rows = rows[1:]
	rng := rand.New(rand.NewPCG(77, 1))
	rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	for i := 0; i < n; i++ {
		at := t0.Add(span * time.Duration(i) / time.Duration(n))
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("b77-%d", i), "received_at": at.Format(time.RFC3339Nano),
			"subject": rows[i%len(rows)][0], "source": "email", "customer_email": fmt.Sprintf("c%d@bank.example", rng.IntN(customers)),
			"label": "background"}); err != nil {
			return err
		}
	}
	return w.Flush()
}
