import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from '@mui/material';
import TranslateIcon from '@mui/icons-material/Translate';
import { rememberLanguage, type Language } from '../i18n/i18n';

/** One click toggles between Chinese and English; the choice is remembered in this browser. */
export function LanguageSwitch({ color = 'inherit' }: { color?: ButtonProps['color'] }) {
  const { t, i18n } = useTranslation();
  const next: Language = i18n.language === 'en' ? 'zh-CN' : 'en';
  const change = () => {
    rememberLanguage(next);
    void i18n.changeLanguage(next);
  };
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      onClick={change}
      title={t('language.switchLabel')}
      lang={next}
    >
      {t('language.switchTo')}
    </Button>
  );
}
