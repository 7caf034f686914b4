import type { Command } from 'commander';
import * as audit from './audit.js';
import * as demo from './demo.js';
import * as evalCmd from './eval.js';
import * as evalGeo from './eval-geo.js';
import * as exportCmd from './export.js';
import * as feeds from './feeds.js';
import * as importCmd from './import.js';
import * as incidents from './incidents.js';
import * as ingest from './ingest.js';
import * as review from './review.js';
import * as serve from './serve.js';
import * as stats from './stats.js';
import * as user from './user.js';

/** Each command module exports a `register(program)`; the order here is the order in --help. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  demo.register,
  ingest.register,
  incidents.register,
  review.register,
  stats.register,
  exportCmd.register,
  importCmd.register,
  feeds.register,
  audit.register,
  serve.register,
  user.register,
  evalCmd.register,
  evalGeo.register,
];
