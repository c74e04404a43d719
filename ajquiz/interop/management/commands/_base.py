"""What the import_* and export_* commands share."""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ajquiz.interop.exports import NothingToExport, question_file
from ajquiz.interop.formats import parse_file
from ajquiz.interop.saving import ImportRefused, confirm_import, record_upload
from ajquiz.interop.scopes import UnknownScope, read_scope


def find_user(username: str):
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user is called “{username}”.") from None


class ImportCommand(BaseCommand):
    file_format = ""

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The file to import (UTF-8).")
        parser.add_argument("--author", required=True, help="Username of the importing teacher.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; save nothing."
        )

    def handle(self, *args, path: Path, author: str, dry_run: bool, **options):
        owner = find_user(author)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        result = parse_file(self.file_format, text)
        for warning in result.warnings:
            self.stderr.write(f"{path}: {warning} (warning)")
        for error in result.errors:
            self.stderr.write(f"{path}: {error}")
        if not result.ok:
            raise CommandError(f"{len(result.errors)} errors: nothing was imported.")
        if dry_run:
            self.stdout.write(f"{len(result.questions)} questions would be imported (dry run).")
            return
        now = timezone.now()
        batch = record_upload(
            owner=owner, file_format=self.file_format, file_name=path.name, text=text, now=now
        )
        try:
            batch = confirm_import(batch.uid, owner=owner, now=now)
        except ImportRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(f"Imported {batch.question_count} questions from {path.name}.")


class ExportCommand(BaseCommand):
    file_format = ""

    def add_arguments(self, parser):
        parser.add_argument(
            "--scope",
            required=True,
            help='"topic:<slug>", "source:<slug>", "all", or with --author "mine" or "set:<uuid>".',
        )
        parser.add_argument("--author", help="Whose questions “mine” or set “set:…” means.")
        parser.add_argument(
            "--output", type=Path, help="File to write; standard output if left out."
        )

    def scope(self, value: str, user=None):
        try:
            return read_scope(value, user)
        except UnknownScope as error:
            raise CommandError(str(error)) from None

    def handle(self, *args, scope: str, author: str | None, output: Path | None, **options):
        user = find_user(author) if author else None
        if scope.split(":")[0] in ("mine", "set") and user is None:
            raise CommandError(f"--scope {scope.split(':')[0]} needs --author.")
        chosen = self.scope(scope, user)
        try:
            download = question_file(chosen, user=user, file_format=self.file_format)
        except NothingToExport as empty:
            raise CommandError(str(empty)) from None
        self.write(download, output)

    def write(self, download, output: Path | None) -> None:
        if output is None:
            sys.stdout.buffer.write(download.body)
            return
        output.write_bytes(download.body)
        note = f" {download.note}" if download.note else ""
        self.stderr.write(f"Wrote {download.count} to {output}.{note}")
