// The language context: zh-CN by default, English on request; t(key, vars) looks up the dictionary.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { enUS } from './en-us.ts';
import { zhCN, type MessageKey } from './zh-cn.ts';

export type Lang = 'zh' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'jixiao.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: Translate;
  /** Picks the text of the current language from a {zh,en} pair (module labels, API messages). */
  pick: (text: { zh: string; en: string }) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function translate(
  lang: Lang,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const raw: string = (lang === 'en' ? enUS[key] : zhCN[key]) ?? key;
  if (!vars) {
    return raw;
  }
  return raw.replace(/\{(\w+)\}/g, (m, name: string) =>
    vars[name] !== undefined ? String(vars[name]) : m,
  );
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (text) => (lang === 'en' ? text.en : text.zh),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) {
    throw new Error('useI18n outside I18nProvider');
  }
  return v;
}
