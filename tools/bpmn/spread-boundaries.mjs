// bpmn-auto-layout places two boundary events of one task side by side with a few pixels of overlap
// (bpmnlint: no-overlapping-elements). This spreads them apart and moves their outgoing edges' first
// waypoints with them: node tools/bpmn/spread-boundaries.mjs file.bpmn
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
let xml = readFileSync(file, 'utf8');
const attached = [...xml.matchAll(/<bpmn:boundaryEvent id="([^"]+)"[^>]*attachedToRef="([^"]+)"/g)];
const byTask = {};
for (const [, id, task] of attached) (byTask[task] ??= []).push(id);
for (const [task, events] of Object.entries(byTask)) {
  if (events.length < 2) continue;
  const taskBounds = xml.match(new RegExp(`bpmnElement="${task}"[^>]*>\\s*<dc:Bounds x="([\\d.]+)" y="[\\d.]+" width="([\\d.]+)"`));
  const left = Number(taskBounds[1]);
  const width = Number(taskBounds[2]);
  events.forEach((id, i) => {
    const x = left + (width / (events.length + 1)) * (i + 1) - 18 + (i - (events.length - 1) / 2) * 12;
    const shape = new RegExp(`(bpmnElement="${id}">\\s*<dc:Bounds x=")([\\d.]+)(")`);
    const old = Number(xml.match(shape)[2]);
    xml = xml.replace(shape, `$1${x}$3`);
    const outgoing = [...xml.matchAll(new RegExp(`<bpmn:sequenceFlow id="([^"]+)"[^>]*sourceRef="${id}"`, 'g'))].map((m) => m[1]);
    for (const flow of outgoing) {
      const edge = new RegExp(`(bpmnElement="${flow}">\\s*<di:waypoint x=")([\\d.]+)("[^>]*/>\\s*<di:waypoint x=")([\\d.]+)(")`);
      xml = xml.replace(edge, (m, a, x1, b, x2, c) => `${a}${Number(x1) - old + x}${b}${Number(x2) - old + x}${c}`);
    }
  });
}
writeFileSync(file, xml);
