import snowball from 'snowball-stemmers';
import { provideSnowball } from './stemmers';

// Importing this module provides the Snowball stemmers to glossary matching (see ./stemmers.ts).
provideSnowball(snowball);
