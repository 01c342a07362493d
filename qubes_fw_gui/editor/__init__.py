"""Editor state without Qt: the rule list split, differences, save checks, situations."""
