import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { problemMessage } from '../../../api/problem-message';
import { ruleSetApi } from '../../../features/rule-sets/api/rule-set-api';
import { versionHref } from '../rule-set-links';

/** Starts a new draft as a copy of the version being read, and opens it in the editor. */
export function NewDraftButton({ ruleSetKey, from }: { ruleSetKey: string; from: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await ruleSetApi.createDraftFrom(ruleSetKey, from);
      navigate(versionHref(ruleSetKey, created.version));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error != null && (
        <Typography role="alert" color="error" variant="body2" sx={{ maxWidth: 320 }}>
          {problemMessage(t, error)}
        </Typography>
      )}
      <Button variant="outlined" startIcon={<AddIcon />} disabled={busy} onClick={() => void create()}>
        {t('ruleSets.detail.newDraftFromActive', { version: from })}
      </Button>
    </>
  );
}
