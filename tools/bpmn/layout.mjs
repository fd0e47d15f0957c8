// Adds diagram interchange (BPMNDI) to a BPMN file written by hand: node tools/bpmn/layout.mjs in.bpmn out.bpmn
import { layoutProcess } from 'bpmn-auto-layout';
import { readFileSync, writeFileSync } from 'node:fs';

const [, , input, output] = process.argv;
const xml = readFileSync(input, 'utf8');
const laidOut = await layoutProcess(xml);
writeFileSync(output ?? input, laidOut);
