'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { Enums } from '@/lib/database.types';
import { EMOTES } from '@/lib/live/chat-mode';
import {
  deleteChatMessageAction,
  reportChatMessageAction,
  reviewChatMessageAction,
  sendChatMessageAction,
} from '@/lib/live/live-actions';
import type { PresenceMe } from '@/lib/live/live-channel';
import type { ChatMessage } from '@/lib/live/queries';
import { useChat } from '@/lib/live/use-chat';
import { useLiveStep } from '@/lib/live/use-live-step';

type Props = {
  sessionId: string;
  mode: Enums<'live_chat_mode'>;
  slowSeconds: number;
  names: Map<string, PresenceMe>;
  myUserId: string;
  isModerator: boolean;
  readOnly: boolean;
  kid: boolean;
};

/** One message, as text (never markup), with what the reader may do to it. */
function Message({
  message,
  name,
  mine,
  isModerator,
  readOnly,
}: {
  message: ChatMessage;
  name: string;
  mine: boolean;
  isModerator: boolean;
  readOnly: boolean;
}) {
  const { run, pending, error } = useLiveStep();
  const [reported, setReported] = useState(false);
  const removed = Boolean(message.deleted_at);
  return (
    <li className="space-y-1 py-1.5" data-testid="chat-message">
      <p className="break-words">
        <span className="font-semibold">{mine ? 'You' : name}: </span>
        <span className={removed ? 'text-ink-subtle line-through' : ''}>{message.body}</span>
      </p>
      {message.held && !removed ? (
        <p className="text-sm text-warning" data-testid="chat-held">
          {mine ? 'Waiting for a grown-up to check it.' : 'Held for review: only moderators see it.'}
        </p>
      ) : null}
      {!readOnly ? (
        <div className="flex flex-wrap gap-1">
          {isModerator && message.held && !removed ? (
            <>
              <Button
                size="sm"
                variant="secondary"
                disabled={pending}
                onClick={() => run(() => reviewChatMessageAction({ messageId: message.id, approve: true }))}
              >
                Approve
              </Button>
              <Button
                size="sm"
                variant="quiet"
                disabled={pending}
                onClick={() => run(() => reviewChatMessageAction({ messageId: message.id, approve: false }))}
              >
                Reject
              </Button>
            </>
          ) : null}
          {(isModerator || mine) && !removed ? (
            <Button
              size="sm"
              variant="quiet"
              disabled={pending}
              aria-label="Delete this message"
              onClick={() => run(() => deleteChatMessageAction({ messageId: message.id }))}
            >
              Delete
            </Button>
          ) : null}
          {!mine && !removed && !reported ? (
            <Button
              size="sm"
              variant="quiet"
              disabled={pending}
              aria-label={`Report ${name}'s message`}
              onClick={() =>
                run(
                  () => reportChatMessageAction({ messageId: message.id, reason: '' }),
                  () => setReported(true),
                )
              }
            >
              Report
            </Button>
          ) : null}
          {reported ? <span className="text-sm text-ink-muted">Reported. A grown-up will look at it.</span> : null}
        </div>
      ) : null}
      <FormAlert message={error} />
    </li>
  );
}

/** What the participant may send: phrases, emotes or free text, as their effective mode allows. */
function Composer({
  sessionId,
  mode,
  slowSeconds,
  kid,
  phrases,
  onSent,
}: Pick<Props, 'sessionId' | 'mode' | 'slowSeconds' | 'kid'> & {
  phrases: { id: string; text: string }[];
  onSent: (id: string) => void;
}) {
  const { run, pending, error } = useLiveStep();
  const [text, setText] = useState('');
  const send = (input: { body?: string; phraseId?: string }) =>
    run(
      () => sendChatMessageAction({ sessionId, ...input }),
      ({ messageId }) => {
        setText('');
        onSent(messageId);
      },
    );
  const size = kid ? 'kid' : 'sm';
  if (mode === 'off') return <p className="text-ink-muted">Chat is off for you in this session.</p>;
  return (
    <div className="space-y-2">
      {slowSeconds > 0 ? (
        <p className="text-sm text-ink-muted">Slow mode: one message every {slowSeconds} seconds.</p>
      ) : null}
      {mode === 'phrases_only' ? (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">Phrases</legend>
          {phrases.map((phrase) => (
            <Button
              key={phrase.id}
              variant={kid ? 'kid' : 'secondary'}
              size={size}
              disabled={pending}
              onClick={() => send({ phraseId: phrase.id })}
            >
              {phrase.text}
            </Button>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Emotes</legend>
        {EMOTES.map((emote) => (
          <Button
            key={emote}
            variant="secondary"
            size={size}
            disabled={pending}
            aria-label={`Send ${emote}`}
            onClick={() => send({ body: emote })}
          >
            {emote}
          </Button>
        ))}
      </fieldset>
      {mode === 'filtered' || mode === 'held_for_review' ? (
        <form
          aria-label="Send a message"
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            send({ body: text });
          }}
        >
          <label htmlFor="chat-text" className="sr-only">
            Message
          </label>
          <input
            id="chat-text"
            value={text}
            maxLength={500}
            onChange={(event) => setText(event.target.value)}
            className="min-h-9 min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-3 text-sm"
            placeholder={
              mode === 'held_for_review' ? 'Messages are checked before others see them' : 'Say something nice'
            }
          />
          <Button type="submit" disabled={pending || !text.trim()}>
            Send
          </Button>
        </form>
      ) : null}
      <FormAlert message={error} size={kid ? 'kid' : 'default'} />
    </div>
  );
}

/** The chat beside the story: history (older pages on demand), new messages live, and the composer. */
export function LiveChat(props: Props) {
  const { sessionId, names, myUserId, isModerator, readOnly, kid } = props;
  const chat = useChat(sessionId);
  return (
    <section
      aria-labelledby="chat-heading"
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-line bg-surface p-4"
    >
      <h2 id="chat-heading" className={kid ? 'text-2xl font-bold' : 'text-lg font-semibold'}>
        {readOnly ? 'Chat transcript' : 'Chat'}
      </h2>
      {chat.hasOlder ? (
        <Button variant="quiet" size="sm" onClick={chat.loadOlder}>
          Show earlier messages
        </Button>
      ) : null}
      {/* The log wraps the list: role="log" on the <ul> itself would take its list semantics away. */}
      <div role="log" aria-label="Chat messages" className={`max-h-96 overflow-y-auto ${kid ? 'text-lg' : 'text-sm'}`}>
        <ul className="divide-y divide-line">
          {chat.messages.map((message) => (
            <Message
              key={message.id}
              message={message}
              name={names.get(message.sender_id)?.name ?? 'Someone'}
              mine={message.sender_id === myUserId}
              isModerator={isModerator}
              readOnly={readOnly}
            />
          ))}
        </ul>
      </div>
      {!chat.loading && !chat.messages.length ? <p className="text-sm text-ink-muted">No messages yet.</p> : null}
      {readOnly ? null : (
        <Composer
          sessionId={sessionId}
          mode={props.mode}
          slowSeconds={props.slowSeconds}
          kid={kid}
          phrases={chat.phrases}
          onSent={chat.showSent}
        />
      )}
    </section>
  );
}
