import '@testing-library/jest-dom';

// The tab renders many MUI cards: on a loaded 2-core CI machine a test can take several seconds,
// and async queries need more than testing-library's 1 s default. Generous, not unbounded.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);

// jsdom lays nothing out: SVG elements report a size so that the dependency graph can place nodes.
if (!('getBBox' in window.SVGElement.prototype)) {
  Object.defineProperty(window.SVGElement.prototype, 'getBBox', {
    configurable: true,
    value: () => ({ x: 0, y: 0, width: 160, height: 44 }),
  });
}
