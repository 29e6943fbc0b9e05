"""``lantern match``: match files of people outside the web app, or retrain the model.

    lantern match --index people.csv --incoming records.csv --out links.csv [--threshold T]
    lantern match train [--index-size N] [--incoming-size N] [--seed S] [--out model.json]

The first writes ``incoming_id, index_id, score`` with the best match for every incoming
row; ``index_id`` is empty where no candidate reaches the threshold, and ``score`` is then
the best candidate's, for review. The score is the probability that the index record is
the incoming person's; the default threshold is the trained model's ``link_threshold``
(0.95 in the shipped ``model.json``: where F1 peaked on its training data). The
second retrains the model on fresh synthetic data (``people.matching.training``).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Match a file of incoming people against a file of known people, or retrain."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", nargs="?", choices=["link", "train"], default="link")
        parser.add_argument("--index", type=Path, help="CSV of the people already known")
        parser.add_argument("--incoming", type=Path, help="CSV of the records to match")
        parser.add_argument("--out", type=Path, help="where to write the links (or model)")
        parser.add_argument("--threshold", type=float, help="lowest score that links, 0–1")
        parser.add_argument("--index-size", type=int, default=200_000)
        parser.add_argument("--incoming-size", type=int, default=40_000)
        parser.add_argument("--seed", type=int, default=101)

    def handle(self, *args, action: str, **options) -> None:
        if action == "train":
            return self.train(options)
        from lantern.people.matching.files import MatchFileError, link_files

        missing = [f"--{k}" for k in ("index", "incoming", "out") if not options[k]]
        if missing:
            raise CommandError(f"give {', '.join(missing)}")
        threshold = options["threshold"]
        if threshold is not None and not 0 <= threshold <= 1:
            raise CommandError("--threshold must be between 0 and 1")
        try:
            summary = link_files(
                options["index"], options["incoming"], options["out"], threshold=threshold
            )
        except MatchFileError as error:
            raise CommandError(f"nothing written:\n{error}") from error
        for warning in summary["warnings"]:
            self.stderr.write(warning)
        self.stdout.write(
            f"{summary['linked']} of {summary['incoming']} incoming records linked "
            f"(threshold {summary['threshold']}); written to {options['out']}"
        )

    def train(self, options) -> None:
        from lantern.people.matching.model import MODEL_FILE
        from lantern.people.matching.training import train

        model = train(options["index_size"], options["incoming_size"], options["seed"])
        out = options["out"] or MODEL_FILE
        model.save(out)
        self.stdout.write(f"trained on {model.trained['data']}; saved to {out}")
