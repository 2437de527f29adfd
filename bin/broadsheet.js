#!/usr/bin/env node
import { main } from "../build/cli/main.js";
import { limitHeapGrowth } from "../build/core/heap-growth.js";

limitHeapGrowth();
process.exitCode = await main(process.argv.slice(2));
