/** One verified property of a drill: what was checked and, when it failed, what was seen. */
export type Check = { name: string; passed: boolean; detail?: string };

/** The checks of one drill, printed as the operator reads them, ending with `N passed, M failed`. */
export class DrillReport {
  readonly checks: Check[] = [];
  readonly notes: string[] = [];

  constructor(readonly drill: string) {}

  check(name: string, passed: boolean, detail?: string): boolean {
    this.checks.push({ name, passed, detail });
    return passed;
  }

  note(line: string): void {
    this.notes.push(line);
  }

  get failed(): Check[] {
    return this.checks.filter((c) => !c.passed);
  }

  get summary(): string {
    return `${this.checks.length - this.failed.length} passed, ${this.failed.length} failed`;
  }

  toString(): string {
    const lines = [`drill: ${this.drill}`, ...this.notes.map((n) => `  · ${n}`)];
    for (const c of this.checks)
      lines.push(`  ${c.passed ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    lines.push(this.summary);
    return lines.join('\n');
  }
}
