import notices2024 from './2024.json';
import notices2025 from './2025.json';
import notices2026 from './2026.json';

/**
 * Every year-notice data file, oldest first. Adding a year: write `<year>.json` next to these
 * (same shape, each entry naming its notice), import it here; a test fails when a file in this
 * folder is not listed. See docs/legal-rules.md ("Calendar").
 */
export const YEAR_NOTICE_FILES: readonly unknown[] = [notices2024, notices2025, notices2026];
