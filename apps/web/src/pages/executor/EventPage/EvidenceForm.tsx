import { Button, TextArea, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { DateInput } from '../../../components/DateInput';
import { FileInput } from '../../../components/FileInput';
import { DOCUMENT_ACCEPT } from '../../../components/files/UploadDocument';
import { ApiError, unwrap } from '../../../api/errors';
import { localIsoDate } from '../../../lib/format';

/**
 * Recording evidence in two taps from a phone: the date (today) and the count are filled in, so
 * «Отметить выполнение» sends it; a file, a link or a comment are optional.
 */
export function EvidenceForm({
  eventId,
  timezone,
  needsCount,
}: {
  eventId: string;
  timezone: string;
  needsCount: boolean;
}) {
  const client = useQueryClient();
  const [heldOn, setHeldOn] = useState(localIsoDate(new Date(), timezone));
  const [count, setCount] = useState(needsCount ? '1' : '');
  const [comment, setComment] = useState('');
  const [link, setLink] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const record = useMutation({
    mutationFn: async () => {
      const fileIds: string[] = [];
      if (file) {
        const form = new FormData();
        form.append('file', file);
        const uploaded = await unwrap(
          api.POST('/api/events/{id}/files', {
            params: { path: { id: eventId } },
            body: {} as never,
            bodySerializer: () => form,
          }),
        );
        fileIds.push(uploaded.id);
      }
      return unwrap(
        api.POST('/api/events/{id}/evidence', {
          params: { path: { id: eventId } },
          body: {
            heldOn,
            ...(count ? { count: Number(count) } : {}),
            ...(comment.trim() ? { comment: comment.trim() } : {}),
            ...(link.trim() ? { link: link.trim() } : {}),
            ...(lateReason.trim() ? { lateReason: lateReason.trim() } : {}),
            ...(fileIds.length ? { fileIds } : {}),
          },
        }),
      );
    },
    onSuccess: async () => {
      setDone(true);
      setComment('');
      setLink('');
      setFile(null);
      await client.invalidateQueries({ queryKey: ['event', eventId] });
    },
  });
  const error = record.error instanceof ApiError ? record.error.message : record.error ? String(record.error) : null;
  return (
    <form
      className="panel evidence-form"
      data-testid="evidence-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        record.mutate();
      }}
    >
      <h2 className="g-text g-text_variant_subheader-3">Отчет о выполнении</h2>
      <div className="form-grid">
        <div className="field">
          <span className="field__label">Дата проведения</span>
          <DateInput value={heldOn} onUpdate={setHeldOn} aria-label="Дата проведения" />
        </div>
        <div className="field">
          <label htmlFor="evidence-count">Количество (участников или мероприятий)</label>
          <TextInput
            id="evidence-count"
            type="number"
            value={count}
            onUpdate={setCount}
            controlProps={{ min: 0, 'aria-label': 'Количество' }}
          />
        </div>
        <div className="field">
          <span className="field__label">Документ (PDF, DOCX, XLSX, ODT)</span>
          <FileInput id="evidence-file" label="Документ" accept={DOCUMENT_ACCEPT} file={file} onChange={setFile} />
        </div>
        <div className="field">
          <label htmlFor="evidence-link">Ссылка</label>
          <TextInput
            id="evidence-link"
            value={link}
            onUpdate={setLink}
            placeholder="https://…"
            controlProps={{ 'aria-label': 'Ссылка' }}
          />
        </div>
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="evidence-comment">Комментарий</label>
          <TextArea
            id="evidence-comment"
            value={comment}
            onUpdate={setComment}
            minRows={2}
            controlProps={{ 'aria-label': 'Комментарий' }}
          />
        </div>
        <div className="field">
          <label htmlFor="evidence-late">Причина, если дата вне срока</label>
          <TextInput
            id="evidence-late"
            value={lateReason}
            onUpdate={setLateReason}
            controlProps={{ 'aria-label': 'Причина' }}
          />
        </div>
      </div>
      <Button type="submit" view="action" size="xl" width="max" loading={record.isPending}>
        Отметить выполнение
      </Button>
      {done && <p role="status">Отчет принят.</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
