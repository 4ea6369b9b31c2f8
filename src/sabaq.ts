/** Entry of `dist/sabaq.js`: everything a partner page needs, in one module that defines the elements. */
import './define.js';

export * from './index.js';
