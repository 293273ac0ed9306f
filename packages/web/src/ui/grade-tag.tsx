// The grade 优 / 良 / 中 / 差 as a tag (colour by band).
import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

const COLORS: Record<string, string> = { 优: 'green', 良: 'blue', 中: 'gold', 差: 'red' };
const EN: Record<string, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' };

export function gradeText(grade: string, lang: 'zh' | 'en'): string {
  return lang === 'en' ? (EN[grade] ?? grade) : grade;
}

export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const { lang } = useI18n();
  if (!grade) {
    return <Tag>—</Tag>;
  }
  return <Tag color={COLORS[grade] ?? 'default'}>{gradeText(grade, lang)}</Tag>;
}
