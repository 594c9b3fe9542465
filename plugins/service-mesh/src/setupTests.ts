import '@testing-library/jest-dom';

// The tab renders many MUI cards: on a loaded 2-core CI machine a test can take several seconds,
// and async queries need more than testing-library's 1 s default. Generous, not unbounded.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
