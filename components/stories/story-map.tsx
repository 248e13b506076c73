'use client';

import { useMemo } from 'react';
import type { StoryGraph } from '@/lib/stories/reading-path';
import { layoutStoryMap, MAP_NODE, type MapNode } from '@/lib/stories/story-map-layout';

function nodeName(node: MapNode, depth: number | undefined): string {
  if (node.kind === 'unexplored') return `Not written yet: ${node.label ?? 'a new branch'}`;
  const what =
    node.kind === 'start' ? 'The start' : node.kind === 'ending' ? 'An ending' : `Page at step ${(depth ?? 0) + 1}`;
  return `${what}${node.label ? ` (after “${node.label}”)` : ''}${node.current ? ', you are here' : node.visited ? ', read' : ''}`;
}

/**
 * The story's graph as a map: lines in SVG (the path taken drawn thick), pages as buttons laid over it
 * (real buttons, so the map works with a keyboard and a screen reader); a page already reachable can
 * be jumped to, an unexplored branch shows as an open, dashed circle.
 */
export function StoryMap({
  story,
  path,
  kid,
  onJump,
}: {
  story: StoryGraph;
  path: string[];
  kid: boolean;
  onJump: (segmentId: string) => void;
}) {
  const map = useMemo(() => layoutStoryMap(story, path), [story, path]);
  const depth = useMemo(() => new Map(story.story_segments.map((s) => [s.id, s.depth])), [story]);
  const half = MAP_NODE.width / 2;
  return (
    <section
      aria-labelledby="story-map-heading"
      className={
        kid
          ? 'space-y-2 rounded-kid bg-kid-surface p-4 shadow-sm'
          : 'space-y-2 rounded-xl border border-line bg-surface p-4'
      }
      data-testid="story-map"
    >
      <h2
        id="story-map-heading"
        className={kid ? 'text-2xl font-black text-kid-ink' : 'text-base font-semibold text-ink'}
      >
        Story map
      </h2>
      <p className={kid ? 'text-lg text-kid-ink-muted' : 'text-sm text-ink-muted'}>
        Filled circles are pages you read on this path; dashed ones are not written yet. Press a page to jump there.
      </p>
      <div className="overflow-x-auto">
        <div className="relative mx-auto" style={{ width: map.width, height: map.height }}>
          <svg width={map.width} height={map.height} aria-hidden="true" className="absolute inset-0 text-line-strong">
            {map.edges.map((edge) => (
              <polyline
                key={edge.id}
                points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke="currentColor"
                strokeWidth={edge.onPath ? 5 : 2}
                strokeDasharray={edge.to.startsWith('open:') ? '5 5' : undefined}
                className={edge.onPath ? (kid ? 'text-kid-accent' : 'text-accent') : undefined}
              />
            ))}
          </svg>
          <ul>
            {map.nodes.map((node) => {
              const name = nodeName(node, depth.get(node.id));
              const base = `absolute flex items-center justify-center rounded-full text-sm font-bold ${
                node.current ? 'ring-4 ring-focus ring-offset-2' : ''
              }`;
              const look =
                node.kind === 'unexplored'
                  ? 'border-2 border-dashed border-line-strong bg-surface text-ink-subtle'
                  : node.visited
                    ? kid
                      ? 'bg-kid-accent text-kid-accent-ink'
                      : 'bg-accent text-accent-ink'
                    : 'border-2 border-line-strong bg-surface text-ink';
              const style = { left: node.x - half, top: node.y - half, width: MAP_NODE.width, height: MAP_NODE.height };
              const symbol =
                node.kind === 'ending' ? '★' : node.kind === 'start' ? '▶' : node.kind === 'unexplored' ? '?' : '';
              return (
                <li key={node.id}>
                  {node.reachable ? (
                    <button
                      type="button"
                      className={`${base} ${look} hover:opacity-85`}
                      style={style}
                      aria-label={name}
                      aria-current={node.current ? 'step' : undefined}
                      title={name}
                      onClick={() => onJump(node.id)}
                      data-testid="map-node"
                      data-segment={node.id}
                      data-visited={node.visited}
                    >
                      <span aria-hidden="true">{symbol}</span>
                    </button>
                  ) : (
                    <span className={`${base} ${look}`} style={style} title={name} data-testid="map-open-end">
                      <span aria-hidden="true">{symbol}</span>
                      <span className="sr-only">{name}</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </section>
  );
}
