"""The TypeScript and Go helpers that name errors by generated/errors.json agree with the Python client.

Cases: every text variant of the catalogue, every template filled in, every example message, and
texts no variant covers, each under every operation and status that declares the error; the
expected name is what the Python client raises (itself tested over the whole catalogue).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.languages.clients import SOURCES, tsc
from tests.conftest import ROOT

CATALOGUE = ROOT / "generated" / "errors.json"
UNKNOWN = ["A message no portal sends", "", "flow not found"]

TS_HARNESS = """
import { nameError, type ErrorCatalogue } from "./error_names";

declare const require: (name: string) => { readFileSync(path: string, encoding: string): string };
declare const process: { argv: string[]; exitCode?: number };

const fs = require("fs");
const catalogue = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as ErrorCatalogue;
type Case = { operation: string; status: number; code: unknown; message: string; expected: string };
const cases = JSON.parse(fs.readFileSync(process.argv[3], "utf8")) as Case[];
let wrong = 0;
for (const c of cases) {
  const got = nameError(catalogue, c.operation, c.status, { error: c.code, error_description: c.message });
  if ((got?.name ?? "") !== c.expected) {
    wrong += 1;
    console.log(`WRONG ${JSON.stringify(c)} -> ${got?.name ?? ""}`);
  }
}
console.log(`checked ${cases.length}`);
process.exitCode = wrong === 0 ? 0 : 1;
"""

GO_HARNESS = """
package errornames

import (
	"encoding/json"
	"os"
	"testing"
)

type testCase struct {
	Operation string `json:"operation"`
	Status    int    `json:"status"`
	Code      any    `json:"code"`
	Message   string `json:"message"`
	Expected  string `json:"expected"`
}

func TestCatalogue(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("B24_ERRORS"))
	if err != nil {
		t.Fatal(err)
	}
	catalogue, err := LoadCatalogue(data)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(os.Getenv("B24_CASES"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []testCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got := ""
		if named := catalogue.NameError(c.Operation, c.Status, c.Code, c.Message); named != nil {
			got = named.Name
		}
		if got != c.Expected {
			t.Errorf("%+v -> %q", c, got)
		}
	}
	t.Logf("checked %d", len(cases))
}
"""


def _messages(error: dict[str, Any]) -> list[str]:
    found = [v["text"] for v in error["messages"] if "text" in v]
    for variant in error["messages"]:
        template = variant.get("template")
        if template is not None:
            filled = re.sub(r"\{\w+\}", "123", template)
            if re.fullmatch(variant["pattern"], filled):
                found.append(filled)
    return [*found, error["message"], *UNKNOWN]


def _cases() -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT / "generated" / "python"))
    from b24_client import Bitrix24Error  # noqa: PLC0415 - the generated client is not installed here

    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    cases = []
    for error in catalogue["errors"]:
        codes: list[Any] = [error["code"], int(error["code"])] if error["code"].isdigit() else [error["code"]]
        for message in _messages(error):
            for operation in [*error["operations"], "unknown.method"]:
                for status in error["statuses"]:
                    for code in codes:
                        raised = Bitrix24Error.from_body(
                            {"error": code, "error_description": message}, status, operation
                        )
                        expected = raised.error_name
                        cases.append(
                            {
                                "operation": operation,
                                "status": status,
                                "code": code,
                                "message": message,
                                "expected": expected,
                            }
                        )
    assert {c["expected"] for c in cases} == {e["name"] for e in catalogue["errors"]} | {""}
    return cases


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cases") / "cases.json"
    path.write_text(json.dumps(_cases(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.skipif(shutil.which("node") is None or not tsc().exists(), reason="needs Node.js and `npm ci`")
def test_the_typescript_helper_names_every_error(tmp_path: Path, cases: Path) -> None:
    shutil.copy(SOURCES / "error_names.ts", tmp_path / "error_names.ts")
    (tmp_path / "harness.ts").write_text(TS_HARNESS, encoding="utf-8")
    config = {
        "compilerOptions": {
            "target": "ES2022",
            "module": "commonjs",
            "lib": ["ES2022", "DOM"],
            "strict": True,
            "noUnusedLocals": True,
            "outDir": "dist",
            "types": [],
        },
        "include": ["*.ts"],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    built = subprocess.run(
        [str(tsc()), "-p", "tsconfig.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    ran = subprocess.run(
        ["node", "dist/harness.js", str(CATALOGUE), str(cases)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr
    assert "checked" in ran.stdout


@pytest.mark.skipif(shutil.which("go") is None, reason="needs Go (apt-get install golang-go)")
def test_the_go_helper_names_every_error(tmp_path: Path, cases: Path) -> None:
    shutil.copy(SOURCES / "error_names.go", tmp_path / "error_names.go")
    (tmp_path / "error_names_test.go").write_text(GO_HARNESS, encoding="utf-8")
    (tmp_path / "go.mod").write_text("module example.com/errornames\n\ngo 1.19\n", encoding="utf-8")
    env = {
        **os.environ,
        "GOFLAGS": "-mod=mod",
        "GOPROXY": "off",
        "GOCACHE": str(tmp_path / "cache"),
        "GOPATH": str(tmp_path / "gopath"),
        "B24_ERRORS": str(CATALOGUE),
        "B24_CASES": str(cases),
    }
    vet = subprocess.run(
        ["go", "vet", "."], cwd=tmp_path, capture_output=True, text=True, env=env, check=False, timeout=300
    )
    assert vet.returncode == 0, vet.stdout + vet.stderr
    ran = subprocess.run(
        ["go", "test", "-count=1", "-v", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr
    assert "checked" in ran.stdout
