alter table connection drop column refreshed_at;
