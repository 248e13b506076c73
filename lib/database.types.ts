export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "14.1"
  }
  public: {
    Tables: {
      approval_requests: {
        Row: {
          id: string
          family_id: string
          child_id: string
          kind: Database["public"]["Enums"]["approval_kind"]
          minutes: number | null
          for_date: string
          message: string | null
          status: Database["public"]["Enums"]["approval_status"]
          decided_by: string | null
          decided_at: string | null
          created_at: string
          updated_at: string
          requested_minutes: number | null
          credits: number | null
          story_id: string | null
          segment_id: string | null
        }
        Insert: {
          id?: string
          family_id: string
          child_id: string
          kind: Database["public"]["Enums"]["approval_kind"]
          minutes?: number | null
          for_date: string
          message?: string | null
          status?: Database["public"]["Enums"]["approval_status"]
          decided_by?: string | null
          decided_at?: string | null
          created_at?: string
          updated_at?: string
          requested_minutes?: number | null
          credits?: number | null
          story_id?: string | null
          segment_id?: string | null
        }
        Update: {
          id?: string
          family_id?: string
          child_id?: string
          kind?: Database["public"]["Enums"]["approval_kind"]
          minutes?: number | null
          for_date?: string
          message?: string | null
          status?: Database["public"]["Enums"]["approval_status"]
          decided_by?: string | null
          decided_at?: string | null
          created_at?: string
          updated_at?: string
          requested_minutes?: number | null
          credits?: number | null
          story_id?: string | null
          segment_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "approval_requests_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "approval_requests_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
          {
            foreignKeyName: "approval_requests_segment_of_story"
            columns: ["story_id", "segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["story_id", "id"]
          },
          {
            foreignKeyName: "approval_requests_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      characters: {
        Row: {
          id: string
          slug: string | null
          family_id: string | null
          created_by: string | null
          name: string
          kind: string
          pronoun: Database["public"]["Enums"]["character_pronoun"]
          traits: Database["public"]["Enums"]["character_trait"][]
          look: Json
          sort_order: number
          deleted_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          slug?: string | null
          family_id?: string | null
          created_by?: string | null
          name: string
          kind: string
          pronoun: Database["public"]["Enums"]["character_pronoun"]
          traits: Database["public"]["Enums"]["character_trait"][]
          look: Json
          sort_order?: number
          deleted_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          slug?: string | null
          family_id?: string | null
          created_by?: string | null
          name?: string
          kind?: string
          pronoun?: Database["public"]["Enums"]["character_pronoun"]
          traits?: Database["public"]["Enums"]["character_trait"][]
          look?: Json
          sort_order?: number
          deleted_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "characters_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
        ]
      }
      chat_messages: {
        Row: {
          id: string
          session_id: string
          participant_id: string
          sender_id: string
          kind: Database["public"]["Enums"]["chat_message_kind"]
          body: string
          phrase_id: string | null
          held: boolean
          held_reason: string | null
          reviewed_by: string | null
          reviewed_at: string | null
          reported_at: string | null
          deleted_at: string | null
          deleted_by: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          session_id: string
          participant_id: string
          sender_id: string
          kind: Database["public"]["Enums"]["chat_message_kind"]
          body: string
          phrase_id?: string | null
          held?: boolean
          held_reason?: string | null
          reviewed_by?: string | null
          reviewed_at?: string | null
          reported_at?: string | null
          deleted_at?: string | null
          deleted_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          session_id?: string
          participant_id?: string
          sender_id?: string
          kind?: Database["public"]["Enums"]["chat_message_kind"]
          body?: string
          phrase_id?: string | null
          held?: boolean
          held_reason?: string | null
          reviewed_by?: string | null
          reviewed_at?: string | null
          reported_at?: string | null
          deleted_at?: string | null
          deleted_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "chat_messages_participant_fkey"
            columns: ["session_id", "participant_id"]
            isOneToOne: false
            referencedRelation: "session_participants"
            referencedColumns: ["session_id", "id"]
          },
          {
            foreignKeyName: "chat_messages_phrase_id_fkey"
            columns: ["phrase_id"]
            isOneToOne: false
            referencedRelation: "session_phrases"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "chat_messages_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      chat_reports: {
        Row: {
          id: string
          message_id: string
          session_id: string
          reporter_id: string
          reason: string
          created_at: string
        }
        Insert: {
          id?: string
          message_id: string
          session_id: string
          reporter_id: string
          reason?: string
          created_at?: string
        }
        Update: {
          id?: string
          message_id?: string
          session_id?: string
          reporter_id?: string
          reason?: string
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "chat_reports_message_id_fkey"
            columns: ["message_id"]
            isOneToOne: false
            referencedRelation: "chat_messages"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "chat_reports_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      credit_grants: {
        Row: {
          id: string
          wallet_id: string
          family_id: string
          ledger_id: string
          reason: Database["public"]["Enums"]["credit_reason"]
          amount: number
          remaining: number
          expires_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          wallet_id: string
          family_id: string
          ledger_id: string
          reason: Database["public"]["Enums"]["credit_reason"]
          amount: number
          remaining: number
          expires_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          wallet_id?: string
          family_id?: string
          ledger_id?: string
          reason?: Database["public"]["Enums"]["credit_reason"]
          amount?: number
          remaining?: number
          expires_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "credit_grants_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "credit_grants_wallet_id_fkey"
            columns: ["wallet_id"]
            isOneToOne: false
            referencedRelation: "wallets"
            referencedColumns: ["id"]
          },
        ]
      }
      credit_holds: {
        Row: {
          id: string
          job_id: string
          wallet_id: string
          family_id: string
          actor_id: string | null
          amount: number
          paid_part: number
          granted_part: number
          granted_lots: Json
          status: Database["public"]["Enums"]["credit_hold_status"]
          expires_at: string
          settle_reason: string | null
          settled_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          job_id: string
          wallet_id: string
          family_id: string
          actor_id?: string | null
          amount: number
          paid_part: number
          granted_part: number
          granted_lots?: Json
          status?: Database["public"]["Enums"]["credit_hold_status"]
          expires_at: string
          settle_reason?: string | null
          settled_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          job_id?: string
          wallet_id?: string
          family_id?: string
          actor_id?: string | null
          amount?: number
          paid_part?: number
          granted_part?: number
          granted_lots?: Json
          status?: Database["public"]["Enums"]["credit_hold_status"]
          expires_at?: string
          settle_reason?: string | null
          settled_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "credit_holds_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "credit_holds_wallet_id_fkey"
            columns: ["wallet_id"]
            isOneToOne: false
            referencedRelation: "wallets"
            referencedColumns: ["id"]
          },
        ]
      }
      credit_ledger: {
        Row: {
          id: string
          wallet_id: string
          family_id: string
          seq: number
          reason: Database["public"]["Enums"]["credit_reason"]
          paid_delta: number
          granted_delta: number
          delta: number | null
          balance_after: number
          actor_id: string | null
          external_tx_id: string | null
          job_id: string | null
          purchase_id: string | null
          memo: string | null
          created_at: string
        }
        Insert: {
          id?: string
          wallet_id: string
          family_id: string
          seq: number
          reason: Database["public"]["Enums"]["credit_reason"]
          paid_delta: number
          granted_delta: number
          delta?: never
          balance_after: number
          actor_id?: string | null
          external_tx_id?: string | null
          job_id?: string | null
          purchase_id?: string | null
          memo?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          wallet_id?: string
          family_id?: string
          seq?: number
          reason?: Database["public"]["Enums"]["credit_reason"]
          paid_delta?: number
          granted_delta?: number
          delta?: never
          balance_after?: number
          actor_id?: string | null
          external_tx_id?: string | null
          job_id?: string | null
          purchase_id?: string | null
          memo?: string | null
          created_at?: string
        }
        Relationships: []
      }
      credit_packages: {
        Row: {
          id: string
          code: string
          name: string
          credits: number
          price_cents: number
          currency: string
          active: boolean
          sort_order: number
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          code: string
          name: string
          credits: number
          price_cents: number
          currency?: string
          active?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          code?: string
          name?: string
          credits?: number
          price_cents?: number
          currency?: string
          active?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      families: {
        Row: {
          id: string
          name: string
          time_zone: string
          code: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          name: string
          time_zone?: string
          code?: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          name?: string
          time_zone?: string
          code?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      family_invites: {
        Row: {
          id: string
          family_id: string
          code: string
          created_by: string | null
          expires_at: string
          accepted_by: string | null
          accepted_at: string | null
          created_at: string
          revoked_at: string | null
          revoked_by: string | null
        }
        Insert: {
          id?: string
          family_id: string
          code: string
          created_by?: string | null
          expires_at?: string
          accepted_by?: string | null
          accepted_at?: string | null
          created_at?: string
          revoked_at?: string | null
          revoked_by?: string | null
        }
        Update: {
          id?: string
          family_id?: string
          code?: string
          created_by?: string | null
          expires_at?: string
          accepted_by?: string | null
          accepted_at?: string | null
          created_at?: string
          revoked_at?: string | null
          revoked_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "family_invites_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
        ]
      }
      family_members: {
        Row: {
          id: string
          family_id: string
          user_id: string
          role: Database["public"]["Enums"]["family_role"]
          created_at: string
          deactivated_at: string | null
        }
        Insert: {
          id?: string
          family_id: string
          user_id: string
          role: Database["public"]["Enums"]["family_role"]
          created_at?: string
          deactivated_at?: string | null
        }
        Update: {
          id?: string
          family_id?: string
          user_id?: string
          role?: Database["public"]["Enums"]["family_role"]
          created_at?: string
          deactivated_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "family_members_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
        ]
      }
      favourites: {
        Row: {
          id: string
          user_id: string
          story_id: string
          created_at: string
        }
        Insert: {
          id?: string
          user_id?: string
          story_id: string
          created_at?: string
        }
        Update: {
          id?: string
          user_id?: string
          story_id?: string
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "favourites_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      founders: {
        Row: {
          id: string
          family_id: string
          number: number
          purchase_id: string | null
          created_at: string
        }
        Insert: {
          id?: string
          family_id: string
          number: number
          purchase_id?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          number?: number
          purchase_id?: string | null
          created_at?: string
        }
        Relationships: []
      }
      generation_jobs: {
        Row: {
          id: string
          family_id: string | null
          story_id: string
          kind: Database["public"]["Enums"]["generation_job_kind"]
          requested_by: string | null
          model_id: string
          choice_id: string | null
          segment_id: string | null
          params: Json
          status: Database["public"]["Enums"]["generation_job_status"]
          progress: number
          credits_reserved: number
          credit_hold_id: string | null
          provider_job_id: string | null
          attempts: number
          error_code: string | null
          error_details: Json | null
          started_at: string | null
          heartbeat_at: string | null
          finished_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id?: string | null
          story_id: string
          kind: Database["public"]["Enums"]["generation_job_kind"]
          requested_by?: string | null
          model_id: string
          choice_id?: string | null
          segment_id?: string | null
          params?: Json
          status?: Database["public"]["Enums"]["generation_job_status"]
          progress?: number
          credits_reserved?: number
          credit_hold_id?: string | null
          provider_job_id?: string | null
          attempts?: number
          error_code?: string | null
          error_details?: Json | null
          started_at?: string | null
          heartbeat_at?: string | null
          finished_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string | null
          story_id?: string
          kind?: Database["public"]["Enums"]["generation_job_kind"]
          requested_by?: string | null
          model_id?: string
          choice_id?: string | null
          segment_id?: string | null
          params?: Json
          status?: Database["public"]["Enums"]["generation_job_status"]
          progress?: number
          credits_reserved?: number
          credit_hold_id?: string | null
          provider_job_id?: string | null
          attempts?: number
          error_code?: string | null
          error_details?: Json | null
          started_at?: string | null
          heartbeat_at?: string | null
          finished_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "generation_jobs_choice_id_fkey"
            columns: ["choice_id"]
            isOneToOne: false
            referencedRelation: "story_choices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "generation_jobs_credit_hold_id_fkey"
            columns: ["credit_hold_id"]
            isOneToOne: false
            referencedRelation: "credit_holds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "generation_jobs_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "generation_jobs_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "generation_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "generation_jobs_segment_id_fkey"
            columns: ["segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "generation_jobs_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      generation_models: {
        Row: {
          id: string
          slug: string
          name: string
          description: string
          provider: Database["public"]["Enums"]["generation_provider"]
          provider_model_id: string
          story_credits: number
          branch_credits: number
          featured: boolean
          available: boolean
          premium: boolean
          sort_order: number
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          slug: string
          name: string
          description?: string
          provider: Database["public"]["Enums"]["generation_provider"]
          provider_model_id: string
          story_credits: number
          branch_credits: number
          featured?: boolean
          available?: boolean
          premium?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          slug?: string
          name?: string
          description?: string
          provider?: Database["public"]["Enums"]["generation_provider"]
          provider_model_id?: string
          story_credits?: number
          branch_credits?: number
          featured?: boolean
          available?: boolean
          premium?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      live_sessions: {
        Row: {
          id: string
          host_id: string
          host_family_id: string
          title: string
          join_code: string
          status: Database["public"]["Enums"]["live_session_status"]
          scheduled_start: string | null
          started_at: string | null
          ended_at: string | null
          story_id: string | null
          current_segment_id: string | null
          pending_choice_id: string | null
          chat_mode: Database["public"]["Enums"]["live_chat_mode"]
          chat_slow_seconds: number
          vote_seconds: number
          results_visibility: Database["public"]["Enums"]["live_results_visibility"]
          auto_advance: boolean
          lobby_open: boolean
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          host_id: string
          host_family_id: string
          title: string
          join_code: string
          status?: Database["public"]["Enums"]["live_session_status"]
          scheduled_start?: string | null
          started_at?: string | null
          ended_at?: string | null
          story_id?: string | null
          current_segment_id?: string | null
          pending_choice_id?: string | null
          chat_mode?: Database["public"]["Enums"]["live_chat_mode"]
          chat_slow_seconds?: number
          vote_seconds?: number
          results_visibility?: Database["public"]["Enums"]["live_results_visibility"]
          auto_advance?: boolean
          lobby_open?: boolean
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          host_id?: string
          host_family_id?: string
          title?: string
          join_code?: string
          status?: Database["public"]["Enums"]["live_session_status"]
          scheduled_start?: string | null
          started_at?: string | null
          ended_at?: string | null
          story_id?: string | null
          current_segment_id?: string | null
          pending_choice_id?: string | null
          chat_mode?: Database["public"]["Enums"]["live_chat_mode"]
          chat_slow_seconds?: number
          vote_seconds?: number
          results_visibility?: Database["public"]["Enums"]["live_results_visibility"]
          auto_advance?: boolean
          lobby_open?: boolean
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "live_sessions_current_segment_id_fkey"
            columns: ["current_segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "live_sessions_host_family_id_fkey"
            columns: ["host_family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "live_sessions_pending_choice_id_fkey"
            columns: ["pending_choice_id"]
            isOneToOne: false
            referencedRelation: "story_choices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "live_sessions_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      lobby_votes: {
        Row: {
          id: string
          session_id: string
          option_id: string
          participant_id: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          session_id: string
          option_id: string
          participant_id: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          session_id?: string
          option_id?: string
          participant_id?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "lobby_votes_option_fkey"
            columns: ["session_id", "option_id"]
            isOneToOne: false
            referencedRelation: "session_story_options"
            referencedColumns: ["session_id", "id"]
          },
          {
            foreignKeyName: "lobby_votes_participant_fkey"
            columns: ["session_id", "participant_id"]
            isOneToOne: true
            referencedRelation: "session_participants"
            referencedColumns: ["session_id", "id"]
          },
          {
            foreignKeyName: "lobby_votes_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      parental_consents: {
        Row: {
          id: string
          family_id: string
          child_id: string
          parent_id: string | null
          method: Database["public"]["Enums"]["consent_method"]
          statement: string
          consented_at: string
          revoked_at: string | null
          revoked_by: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id: string
          child_id: string
          parent_id?: string | null
          method: Database["public"]["Enums"]["consent_method"]
          statement: string
          consented_at?: string
          revoked_at?: string | null
          revoked_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          child_id?: string
          parent_id?: string | null
          method?: Database["public"]["Enums"]["consent_method"]
          statement?: string
          consented_at?: string
          revoked_at?: string | null
          revoked_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "parental_consents_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "parental_consents_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
        ]
      }
      parental_controls: {
        Row: {
          child_id: string
          family_id: string
          age_band: Database["public"]["Enums"]["age_band"]
          daily_minutes: number
          bedtime_start: string | null
          bedtime_end: string | null
          reading_allowed: boolean
          creating_allowed: boolean
          live_sessions_allowed: boolean
          chat_level: Database["public"]["Enums"]["chat_level"]
          monthly_credit_allowance: number
          approval_above_allowance: boolean
          paused: boolean
          updated_by: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          child_id: string
          family_id: string
          age_band: Database["public"]["Enums"]["age_band"]
          daily_minutes?: number
          bedtime_start?: string | null
          bedtime_end?: string | null
          reading_allowed?: boolean
          creating_allowed?: boolean
          live_sessions_allowed?: boolean
          chat_level?: Database["public"]["Enums"]["chat_level"]
          monthly_credit_allowance?: number
          approval_above_allowance?: boolean
          paused?: boolean
          updated_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          child_id?: string
          family_id?: string
          age_band?: Database["public"]["Enums"]["age_band"]
          daily_minutes?: number
          bedtime_start?: string | null
          bedtime_end?: string | null
          reading_allowed?: boolean
          creating_allowed?: boolean
          live_sessions_allowed?: boolean
          chat_level?: Database["public"]["Enums"]["chat_level"]
          monthly_credit_allowance?: number
          approval_above_allowance?: boolean
          paused?: boolean
          updated_by?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "parental_controls_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "parental_controls_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
        ]
      }
      plan_features: {
        Row: {
          id: string
          plan_id: string
          feature: string
          enabled: boolean
          limit_value: number | null
          description: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          plan_id: string
          feature: string
          enabled?: boolean
          limit_value?: number | null
          description?: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          plan_id?: string
          feature?: string
          enabled?: boolean
          limit_value?: number | null
          description?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "plan_features_plan_id_fkey"
            columns: ["plan_id"]
            isOneToOne: false
            referencedRelation: "plans"
            referencedColumns: ["id"]
          },
        ]
      }
      plans: {
        Row: {
          id: string
          code: string
          name: string
          description: string
          monthly_credits: number
          price_cents: number | null
          currency: string
          purchasable: boolean
          sort_order: number
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          code: string
          name: string
          description?: string
          monthly_credits?: number
          price_cents?: number | null
          currency?: string
          purchasable?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          code?: string
          name?: string
          description?: string
          monthly_credits?: number
          price_cents?: number | null
          currency?: string
          purchasable?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      profiles: {
        Row: {
          id: string
          display_name: string
          avatar_url: string | null
          birth_year: number | null
          preferences: Json
          created_at: string
          updated_at: string
          deleted_at: string | null
        }
        Insert: {
          id: string
          display_name: string
          avatar_url?: string | null
          birth_year?: number | null
          preferences?: Json
          created_at?: string
          updated_at?: string
          deleted_at?: string | null
        }
        Update: {
          id?: string
          display_name?: string
          avatar_url?: string | null
          birth_year?: number | null
          preferences?: Json
          created_at?: string
          updated_at?: string
          deleted_at?: string | null
        }
        Relationships: []
      }
      purchases: {
        Row: {
          id: string
          family_id: string
          created_by: string | null
          kind: Database["public"]["Enums"]["purchase_kind"]
          package_id: string | null
          plan_id: string | null
          credits: number
          price_cents: number
          currency: string
          provider: string
          status: Database["public"]["Enums"]["purchase_status"]
          checkout_session_id: string | null
          checkout_url: string | null
          external_tx_id: string | null
          failure_reason: string | null
          paid_at: string | null
          refunded_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id: string
          created_by?: string | null
          kind: Database["public"]["Enums"]["purchase_kind"]
          package_id?: string | null
          plan_id?: string | null
          credits: number
          price_cents: number
          currency: string
          provider: string
          status?: Database["public"]["Enums"]["purchase_status"]
          checkout_session_id?: string | null
          checkout_url?: string | null
          external_tx_id?: string | null
          failure_reason?: string | null
          paid_at?: string | null
          refunded_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          created_by?: string | null
          kind?: Database["public"]["Enums"]["purchase_kind"]
          package_id?: string | null
          plan_id?: string | null
          credits?: number
          price_cents?: number
          currency?: string
          provider?: string
          status?: Database["public"]["Enums"]["purchase_status"]
          checkout_session_id?: string | null
          checkout_url?: string | null
          external_tx_id?: string | null
          failure_reason?: string | null
          paid_at?: string | null
          refunded_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "purchases_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "purchases_package_id_fkey"
            columns: ["package_id"]
            isOneToOne: false
            referencedRelation: "credit_packages"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "purchases_plan_id_fkey"
            columns: ["plan_id"]
            isOneToOne: false
            referencedRelation: "plans"
            referencedColumns: ["id"]
          },
        ]
      }
      reading_progress: {
        Row: {
          id: string
          story_id: string
          reader_id: string
          family_id: string | null
          path: string[]
          finished_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          story_id: string
          reader_id?: string
          family_id?: string | null
          path: string[]
          finished_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          story_id?: string
          reader_id?: string
          family_id?: string | null
          path?: string[]
          finished_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "reading_progress_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reading_progress_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      reading_time_entries: {
        Row: {
          id: string
          family_id: string
          child_id: string
          local_date: string
          updated_at: string
          seconds: number
          created_at: string
        }
        Insert: {
          id?: string
          family_id: string
          child_id: string
          local_date: string
          updated_at?: string
          seconds?: number
          created_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          child_id?: string
          local_date?: string
          updated_at?: string
          seconds?: number
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "reading_time_entries_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reading_time_entries_member_fkey"
            columns: ["family_id", "child_id"]
            isOneToOne: false
            referencedRelation: "family_members"
            referencedColumns: ["family_id", "user_id"]
          },
        ]
      }
      session_choice_vetoes: {
        Row: {
          id: string
          session_id: string
          choice_id: string
          vetoed_by: string | null
          created_at: string
        }
        Insert: {
          id?: string
          session_id: string
          choice_id: string
          vetoed_by?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          session_id?: string
          choice_id?: string
          vetoed_by?: string | null
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "session_choice_vetoes_choice_id_fkey"
            columns: ["choice_id"]
            isOneToOne: false
            referencedRelation: "story_choices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "session_choice_vetoes_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      session_participants: {
        Row: {
          id: string
          session_id: string
          user_id: string
          role: Database["public"]["Enums"]["live_participant_role"]
          joined_at: string
          left_at: string | null
          muted_until: string | null
          banned_at: string | null
          banned_by: string | null
          ban_reason: string | null
          last_message_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          session_id: string
          user_id: string
          role?: Database["public"]["Enums"]["live_participant_role"]
          joined_at?: string
          left_at?: string | null
          muted_until?: string | null
          banned_at?: string | null
          banned_by?: string | null
          ban_reason?: string | null
          last_message_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          session_id?: string
          user_id?: string
          role?: Database["public"]["Enums"]["live_participant_role"]
          joined_at?: string
          left_at?: string | null
          muted_until?: string | null
          banned_at?: string | null
          banned_by?: string | null
          ban_reason?: string | null
          last_message_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "session_participants_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      session_phrases: {
        Row: {
          id: string
          session_id: string | null
          text: string
          added_by: string | null
          created_at: string
        }
        Insert: {
          id?: string
          session_id?: string | null
          text: string
          added_by?: string | null
          created_at?: string
        }
        Update: {
          id?: string
          session_id?: string | null
          text?: string
          added_by?: string | null
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "session_phrases_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      session_story_options: {
        Row: {
          id: string
          session_id: string
          story_id: string
          position: number
          created_at: string
        }
        Insert: {
          id?: string
          session_id: string
          story_id: string
          position: number
          created_at?: string
        }
        Update: {
          id?: string
          session_id?: string
          story_id?: string
          position?: number
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "session_story_options_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "session_story_options_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      stories: {
        Row: {
          id: string
          family_id: string | null
          author_id: string | null
          title: string
          summary: string
          age_band: Database["public"]["Enums"]["age_band"]
          length: Database["public"]["Enums"]["story_length"]
          theme_id: string
          moral_slug: string | null
          template_id: string | null
          prompt: string | null
          model_id: string | null
          visibility: Database["public"]["Enums"]["story_visibility"]
          status: Database["public"]["Enums"]["story_status"]
          forked_from: string | null
          start_segment_id: string | null
          path_length: number | null
          context: Json
          cover_path: string | null
          search: string | null
          published_at: string | null
          deleted_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id?: string | null
          author_id?: string | null
          title: string
          summary?: string
          age_band: Database["public"]["Enums"]["age_band"]
          length: Database["public"]["Enums"]["story_length"]
          theme_id: string
          moral_slug?: string | null
          template_id?: string | null
          prompt?: string | null
          model_id?: string | null
          visibility?: Database["public"]["Enums"]["story_visibility"]
          status?: Database["public"]["Enums"]["story_status"]
          forked_from?: string | null
          start_segment_id?: string | null
          path_length?: number | null
          context?: Json
          cover_path?: string | null
          search?: never
          published_at?: string | null
          deleted_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string | null
          author_id?: string | null
          title?: string
          summary?: string
          age_band?: Database["public"]["Enums"]["age_band"]
          length?: Database["public"]["Enums"]["story_length"]
          theme_id?: string
          moral_slug?: string | null
          template_id?: string | null
          prompt?: string | null
          model_id?: string | null
          visibility?: Database["public"]["Enums"]["story_visibility"]
          status?: Database["public"]["Enums"]["story_status"]
          forked_from?: string | null
          start_segment_id?: string | null
          path_length?: number | null
          context?: Json
          cover_path?: string | null
          search?: never
          published_at?: string | null
          deleted_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "stories_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stories_forked_from_fkey"
            columns: ["forked_from"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stories_model_id_fkey"
            columns: ["model_id"]
            isOneToOne: false
            referencedRelation: "generation_models"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stories_start_segment_id_fkey"
            columns: ["start_segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stories_template_id_fkey"
            columns: ["template_id"]
            isOneToOne: false
            referencedRelation: "story_templates"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "stories_theme_id_fkey"
            columns: ["theme_id"]
            isOneToOne: false
            referencedRelation: "themes"
            referencedColumns: ["id"]
          },
        ]
      }
      story_characters: {
        Row: {
          id: string
          story_id: string
          character_id: string | null
          key: string
          position: number
          name: string
          kind: string
          pronoun: Database["public"]["Enums"]["character_pronoun"]
          traits: Database["public"]["Enums"]["character_trait"][]
          look: Json
          created_at: string
        }
        Insert: {
          id?: string
          story_id: string
          character_id?: string | null
          key: string
          position: number
          name: string
          kind: string
          pronoun: Database["public"]["Enums"]["character_pronoun"]
          traits: Database["public"]["Enums"]["character_trait"][]
          look: Json
          created_at?: string
        }
        Update: {
          id?: string
          story_id?: string
          character_id?: string | null
          key?: string
          position?: number
          name?: string
          kind?: string
          pronoun?: Database["public"]["Enums"]["character_pronoun"]
          traits?: Database["public"]["Enums"]["character_trait"][]
          look?: Json
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "story_characters_character_id_fkey"
            columns: ["character_id"]
            isOneToOne: false
            referencedRelation: "characters"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "story_characters_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      story_choices: {
        Row: {
          id: string
          story_id: string
          key: string
          from_segment_id: string
          to_segment_id: string | null
          position: number
          label: string
          continuation: Json
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          story_id: string
          key: string
          from_segment_id: string
          to_segment_id?: string | null
          position: number
          label: string
          continuation?: Json
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          story_id?: string
          key?: string
          from_segment_id?: string
          to_segment_id?: string | null
          position?: number
          label?: string
          continuation?: Json
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "story_choices_from_segment_fkey"
            columns: ["story_id", "from_segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["story_id", "id"]
          },
          {
            foreignKeyName: "story_choices_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "story_choices_to_segment_fkey"
            columns: ["story_id", "to_segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["story_id", "id"]
          },
        ]
      }
      story_public_requests: {
        Row: {
          id: string
          story_id: string
          family_id: string
          requested_by: string | null
          status: Database["public"]["Enums"]["story_public_request_status"]
          review_note: string | null
          reviewed_by: string | null
          reviewed_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          story_id: string
          family_id: string
          requested_by?: string | null
          status?: Database["public"]["Enums"]["story_public_request_status"]
          review_note?: string | null
          reviewed_by?: string | null
          reviewed_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          story_id?: string
          family_id?: string
          requested_by?: string | null
          status?: Database["public"]["Enums"]["story_public_request_status"]
          review_note?: string | null
          reviewed_by?: string | null
          reviewed_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "story_public_requests_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "story_public_requests_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      story_reports: {
        Row: {
          id: string
          story_id: string
          segment_id: string | null
          segment_key: string
          reporter_id: string | null
          family_id: string | null
          reason: Database["public"]["Enums"]["story_report_reason"]
          note: string | null
          segment_text: string
          provenance: Json
          status: Database["public"]["Enums"]["story_report_status"]
          refunded_credits: number
          rewrite_job_id: string | null
          resolved_by: string | null
          resolved_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          story_id: string
          segment_id?: string | null
          segment_key: string
          reporter_id?: string | null
          family_id?: string | null
          reason: Database["public"]["Enums"]["story_report_reason"]
          note?: string | null
          segment_text: string
          provenance: Json
          status?: Database["public"]["Enums"]["story_report_status"]
          refunded_credits?: number
          rewrite_job_id?: string | null
          resolved_by?: string | null
          resolved_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          story_id?: string
          segment_id?: string | null
          segment_key?: string
          reporter_id?: string | null
          family_id?: string | null
          reason?: Database["public"]["Enums"]["story_report_reason"]
          note?: string | null
          segment_text?: string
          provenance?: Json
          status?: Database["public"]["Enums"]["story_report_status"]
          refunded_credits?: number
          rewrite_job_id?: string | null
          resolved_by?: string | null
          resolved_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "story_reports_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "story_reports_rewrite_job_id_fkey"
            columns: ["rewrite_job_id"]
            isOneToOne: false
            referencedRelation: "generation_jobs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "story_reports_segment_id_fkey"
            columns: ["segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "story_reports_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      story_segments: {
        Row: {
          id: string
          story_id: string
          key: string
          depth: number
          text: string
          setting_id: string
          scene: string
          place: string
          character_keys: string[]
          is_ending: boolean
          state: Json
          provenance: Json
          illustration_path: string | null
          hidden_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          story_id: string
          key: string
          depth: number
          text: string
          setting_id: string
          scene: string
          place: string
          character_keys?: string[]
          is_ending: boolean
          state: Json
          provenance: Json
          illustration_path?: string | null
          hidden_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          story_id?: string
          key?: string
          depth?: number
          text?: string
          setting_id?: string
          scene?: string
          place?: string
          character_keys?: string[]
          is_ending?: boolean
          state?: Json
          provenance?: Json
          illustration_path?: string | null
          hidden_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "story_segments_story_id_fkey"
            columns: ["story_id"]
            isOneToOne: false
            referencedRelation: "stories"
            referencedColumns: ["id"]
          },
        ]
      }
      story_templates: {
        Row: {
          id: string
          slug: string
          version: number
          title: string
          summary: string
          keywords: string[]
          available: boolean
          sort_order: number
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          slug: string
          version: number
          title: string
          summary?: string
          keywords?: string[]
          available?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          slug?: string
          version?: number
          title?: string
          summary?: string
          keywords?: string[]
          available?: boolean
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      subscriptions: {
        Row: {
          id: string
          family_id: string
          plan_id: string
          provider: string
          provider_subscription_id: string
          status: Database["public"]["Enums"]["subscription_status"]
          current_period_start: string | null
          current_period_end: string | null
          cancel_at_period_end: boolean
          canceled_at: string | null
          last_event_at: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id: string
          plan_id: string
          provider: string
          provider_subscription_id: string
          status?: Database["public"]["Enums"]["subscription_status"]
          current_period_start?: string | null
          current_period_end?: string | null
          cancel_at_period_end?: boolean
          canceled_at?: string | null
          last_event_at: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          plan_id?: string
          provider?: string
          provider_subscription_id?: string
          status?: Database["public"]["Enums"]["subscription_status"]
          current_period_start?: string | null
          current_period_end?: string | null
          cancel_at_period_end?: boolean
          canceled_at?: string | null
          last_event_at?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "subscriptions_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: false
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "subscriptions_plan_id_fkey"
            columns: ["plan_id"]
            isOneToOne: false
            referencedRelation: "plans"
            referencedColumns: ["id"]
          },
        ]
      }
      template_themes: {
        Row: {
          id: string
          template_id: string
          theme_id: string
          position: number
          created_at: string
        }
        Insert: {
          id?: string
          template_id: string
          theme_id: string
          position?: number
          created_at?: string
        }
        Update: {
          id?: string
          template_id?: string
          theme_id?: string
          position?: number
          created_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "template_themes_template_id_fkey"
            columns: ["template_id"]
            isOneToOne: false
            referencedRelation: "story_templates"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "template_themes_theme_id_fkey"
            columns: ["theme_id"]
            isOneToOne: false
            referencedRelation: "themes"
            referencedColumns: ["id"]
          },
        ]
      }
      themes: {
        Row: {
          id: string
          slug: string
          name: string
          description: string
          morals: Json
          sort_order: number
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          slug: string
          name: string
          description?: string
          morals: Json
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          slug?: string
          name?: string
          description?: string
          morals?: Json
          sort_order?: number
          created_at?: string
          updated_at?: string
        }
        Relationships: []
      }
      votes: {
        Row: {
          id: string
          round_id: string
          session_id: string
          participant_id: string
          choice_id: string
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          round_id: string
          session_id: string
          participant_id: string
          choice_id: string
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          round_id?: string
          session_id?: string
          participant_id?: string
          choice_id?: string
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "votes_choice_id_fkey"
            columns: ["choice_id"]
            isOneToOne: false
            referencedRelation: "story_choices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "votes_participant_fkey"
            columns: ["session_id", "participant_id"]
            isOneToOne: false
            referencedRelation: "session_participants"
            referencedColumns: ["session_id", "id"]
          },
          {
            foreignKeyName: "votes_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "voting_rounds"
            referencedColumns: ["id"]
          },
        ]
      }
      voting_rounds: {
        Row: {
          id: string
          session_id: string
          segment_id: string
          choice_ids: string[]
          status: Database["public"]["Enums"]["voting_round_status"]
          opens_at: string
          closes_at: string
          paused_at: string | null
          results_visibility: Database["public"]["Enums"]["live_results_visibility"]
          tally: Json | null
          tied_choice_ids: string[] | null
          winning_choice_id: string | null
          tie_broken_by: string | null
          opened_by: string | null
          locked_at: string | null
          revealed_at: string | null
          applied_at: string | null
          cancelled_at: string | null
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          session_id: string
          segment_id: string
          choice_ids: string[]
          status?: Database["public"]["Enums"]["voting_round_status"]
          opens_at?: string
          closes_at: string
          paused_at?: string | null
          results_visibility: Database["public"]["Enums"]["live_results_visibility"]
          tally?: Json | null
          tied_choice_ids?: string[] | null
          winning_choice_id?: string | null
          tie_broken_by?: string | null
          opened_by?: string | null
          locked_at?: string | null
          revealed_at?: string | null
          applied_at?: string | null
          cancelled_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          session_id?: string
          segment_id?: string
          choice_ids?: string[]
          status?: Database["public"]["Enums"]["voting_round_status"]
          opens_at?: string
          closes_at?: string
          paused_at?: string | null
          results_visibility?: Database["public"]["Enums"]["live_results_visibility"]
          tally?: Json | null
          tied_choice_ids?: string[] | null
          winning_choice_id?: string | null
          tie_broken_by?: string | null
          opened_by?: string | null
          locked_at?: string | null
          revealed_at?: string | null
          applied_at?: string | null
          cancelled_at?: string | null
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "voting_rounds_segment_id_fkey"
            columns: ["segment_id"]
            isOneToOne: false
            referencedRelation: "story_segments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voting_rounds_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "live_sessions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "voting_rounds_winning_choice_id_fkey"
            columns: ["winning_choice_id"]
            isOneToOne: false
            referencedRelation: "story_choices"
            referencedColumns: ["id"]
          },
        ]
      }
      wallets: {
        Row: {
          id: string
          family_id: string
          paid_balance: number
          granted_balance: number
          balance: number | null
          lifetime_purchased: number
          last_seq: number
          created_at: string
          updated_at: string
        }
        Insert: {
          id?: string
          family_id: string
          paid_balance?: number
          granted_balance?: number
          balance?: never
          lifetime_purchased?: number
          last_seq?: number
          created_at?: string
          updated_at?: string
        }
        Update: {
          id?: string
          family_id?: string
          paid_balance?: number
          granted_balance?: number
          balance?: never
          lifetime_purchased?: number
          last_seq?: number
          created_at?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "wallets_family_id_fkey"
            columns: ["family_id"]
            isOneToOne: true
            referencedRelation: "families"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      accept_parent_invite: {
        Args: {
          p_code: string
        }
        Returns: string
      }
      add_child: {
        Args: {
          p_child_id: string
          p_display_name: string
          p_birth_year: number
          p_pin: string
          p_avatar_url?: string
          p_age_band?: Database["public"]["Enums"]["age_band"]
        }
        Returns: string
      }
      add_session_phrase: {
        Args: {
          p_session_id: string
          p_text: string
        }
        Returns: Database["public"]["Tables"]["session_phrases"]["Row"]
      }
      apply_payment_event: {
        Args: {
          p_provider: string
          p_event_id: string
          p_type: string
          p_occurred_at: string
          p_data: Json
        }
        Returns: Json
      }
      apply_round: {
        Args: {
          p_round_id: string
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      attach_checkout_session: {
        Args: {
          p_purchase_id: string
          p_session_id: string
          p_url: string
        }
        Returns: undefined
      }
      ban_participant: {
        Args: {
          p_session_id: string
          p_user_id: string
          p_reason?: string
        }
        Returns: undefined
      }
      break_tie: {
        Args: {
          p_round_id: string
          p_choice_id: string
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      cancel_round: {
        Args: {
          p_round_id: string
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      cast_lobby_vote: {
        Args: {
          p_session_id: string
          p_story_id: string
        }
        Returns: undefined
      }
      cast_vote: {
        Args: {
          p_round_id: string
          p_choice_id: string
        }
        Returns: Database["public"]["Tables"]["votes"]["Row"]
      }
      claim_guest_trial: {
        Args: {
          p_device_id: string
        }
        Returns: Json
      }
      continue_story: {
        Args: {
          p_choice_id: string
          p_idempotency_key: string
        }
        Returns: Json
      }
      create_character: {
        Args: {
          p_name: string
          p_kind: string
          p_pronoun: Database["public"]["Enums"]["character_pronoun"]
          p_traits: Database["public"]["Enums"]["character_trait"][]
          p_look: Json
        }
        Returns: string
      }
      create_live_session: {
        Args: {
          p_title: string
          p_scheduled_start?: string
          p_chat_mode?: Database["public"]["Enums"]["live_chat_mode"]
          p_vote_seconds?: number
          p_results_visibility?: Database["public"]["Enums"]["live_results_visibility"]
          p_chat_slow_seconds?: number
          p_auto_advance?: boolean
        }
        Returns: Database["public"]["Tables"]["live_sessions"]["Row"]
      }
      create_parent_invite: {
        Args: never
        Returns: {
            code: string
            expires_at: string
          }[]
      }
      create_purchase: {
        Args: {
          p_kind: Database["public"]["Enums"]["purchase_kind"]
          p_code: string
          p_provider: string
          p_idempotency_key: string
        }
        Returns: Json
      }
      create_story: {
        Args: {
          p_request: Json
          p_idempotency_key: string
        }
        Returns: Json
      }
      deactivate_child: {
        Args: {
          p_child_id: string
        }
        Returns: undefined
      }
      decide_approval_request: {
        Args: {
          p_request_id: string
          p_approve: boolean
          p_minutes?: number
        }
        Returns: Database["public"]["Enums"]["approval_status"]
      }
      delete_character: {
        Args: {
          p_character_id: string
        }
        Returns: undefined
      }
      delete_chat_message: {
        Args: {
          p_message_id: string
        }
        Returns: undefined
      }
      end_live_session: {
        Args: {
          p_session_id: string
        }
        Returns: undefined
      }
      get_children_credit_months: {
        Args: never
        Returns: {
            child_id: string
            display_name: string
            allowance: number
            spent: number
            approval_above_allowance: boolean
            pending_credits: number
          }[]
      }
      get_children_overview: {
        Args: never
        Returns: {
            child_id: string
            display_name: string
            avatar_url: string
            birth_year: number
            age_band: Database["public"]["Enums"]["age_band"]
            minutes_used: number
            minutes_allowed: number
            in_bedtime: boolean
            paused: boolean
            consented: boolean
            locked_until: string
            pending_requests: number
            deactivated: boolean
            seconds_used: number
            seconds_allowed: number
          }[]
      }
      get_family_audit_log: {
        Args: {
          p_limit?: number
          p_before_at?: string
          p_before_id?: number
          p_child_id?: string
        }
        Returns: {
            id: number
            table_name: string
            operation: string
            actor_id: string
            old_row: Json
            new_row: Json
            created_at: string
          }[]
      }
      get_family_device: {
        Args: {
          p_token: string
        }
        Returns: {
            device_id: string
            device_name: string
            family_id: string
            family_name: string
          }[]
      }
      get_family_device_children: {
        Args: {
          p_token: string
        }
        Returns: {
            child_id: string
            display_name: string
            avatar_url: string
          }[]
      }
      get_guest_trial: {
        Args: never
        Returns: Json
      }
      get_my_allowance: {
        Args: never
        Returns: {
            allowance: number
            spent: number
            credits_left: number
            approval_above_allowance: boolean
            month_start: string
            month_end: string
            pending_request_id: string
            pending_credits: number
            pending_message: string
          }[]
      }
      get_my_plan: {
        Args: never
        Returns: Json
      }
      get_my_reading_day: {
        Args: never
        Returns: {
            local_date: string
            minutes_used: number
            minutes_allowed: number
            minutes_left: number
            in_bedtime: boolean
            bedtime_end: string
            paused: boolean
            reading_allowed: boolean
            seconds_used: number
            seconds_allowed: number
            seconds_left: number
            seconds_to_change: number
          }[]
      }
      give_parental_consent: {
        Args: {
          p_child_id: string
          p_method: Database["public"]["Enums"]["consent_method"]
          p_statement: string
        }
        Returns: string
      }
      has_parent_pin: {
        Args: never
        Returns: boolean
      }
      is_moderator: {
        Args: never
        Returns: boolean
      }
      join_live_session: {
        Args: {
          p_code: string
        }
        Returns: Database["public"]["Tables"]["live_sessions"]["Row"]
      }
      leave_live_session: {
        Args: {
          p_session_id: string
        }
        Returns: undefined
      }
      list_family_devices: {
        Args: never
        Returns: {
            id: string
            name: string
            created_by_name: string
            created_at: string
            last_seen_at: string
            revoked_at: string
          }[]
      }
      list_family_stories: {
        Args: {
          p_trash?: boolean
          p_sort?: string
          p_limit?: number
          p_offset?: number
        }
        Returns: Database["public"]["Tables"]["stories"]["Row"][]
      }
      lock_round: {
        Args: {
          p_round_id: string
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      open_lobby_vote: {
        Args: {
          p_session_id: string
          p_story_ids: string[]
        }
        Returns: undefined
      }
      open_round: {
        Args: {
          p_session_id: string
          p_seconds?: number
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      pass_live_host: {
        Args: {
          p_session_id: string
          p_user_id: string
        }
        Returns: undefined
      }
      pause_round: {
        Args: {
          p_round_id: string
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      pick_lobby_story: {
        Args: {
          p_session_id: string
          p_story_id?: string
        }
        Returns: Database["public"]["Tables"]["live_sessions"]["Row"]
      }
      reactivate_child: {
        Args: {
          p_child_id: string
          p_pin: string
        }
        Returns: undefined
      }
      reading_heartbeat: {
        Args: {
          p_stop?: boolean
        }
        Returns: {
            status: string
            reason: string
            seconds_used: number
            seconds_allowed: number
            seconds_left: number
            seconds_to_stop: number
          }[]
      }
      register_family_device: {
        Args: {
          p_name: string
        }
        Returns: {
            device_id: string
            token: string
          }[]
      }
      remix_story: {
        Args: {
          p_story_id: string
          p_idempotency_key: string
        }
        Returns: Json
      }
      rename_story: {
        Args: {
          p_story_id: string
          p_title: string
        }
        Returns: Json
      }
      report_chat_message: {
        Args: {
          p_message_id: string
          p_reason?: string
        }
        Returns: undefined
      }
      report_segment: {
        Args: {
          p_segment_id: string
          p_reason: Database["public"]["Enums"]["story_report_reason"]
          p_note?: string
        }
        Returns: Json
      }
      request_more_time: {
        Args: {
          p_minutes?: number
          p_message?: string
          p_story_id?: string
          p_segment_id?: string
        }
        Returns: string
      }
      request_story_public: {
        Args: {
          p_story_id: string
        }
        Returns: Json
      }
      restore_story: {
        Args: {
          p_story_id: string
        }
        Returns: Json
      }
      resume_round: {
        Args: {
          p_round_id: string
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      retry_generation_job: {
        Args: {
          p_job_id: string
          p_idempotency_key: string
        }
        Returns: Json
      }
      reveal_round: {
        Args: {
          p_round_id: string
        }
        Returns: Database["public"]["Tables"]["voting_rounds"]["Row"]
      }
      review_chat_message: {
        Args: {
          p_message_id: string
          p_approve: boolean
        }
        Returns: undefined
      }
      review_story_public_request: {
        Args: {
          p_request_id: string
          p_approve: boolean
          p_note?: string
        }
        Returns: Json
      }
      revoke_family_device: {
        Args: {
          p_device_id: string
        }
        Returns: undefined
      }
      revoke_parent_invite: {
        Args: {
          p_code: string
        }
        Returns: undefined
      }
      revoke_parental_consent: {
        Args: {
          p_child_id: string
        }
        Returns: undefined
      }
      round_tally: {
        Args: {
          p_round_id: string
        }
        Returns: {
            choice_id: string
            votes: number
          }[]
      }
      search_stories: {
        Args: {
          p_query?: string
          p_age_band?: Database["public"]["Enums"]["age_band"]
          p_theme?: string
          p_length?: Database["public"]["Enums"]["story_length"]
          p_limit?: number
          p_offset?: number
          p_sort?: string
        }
        Returns: Database["public"]["Tables"]["stories"]["Row"][]
      }
      send_chat_message: {
        Args: {
          p_session_id: string
          p_body?: string
          p_phrase_id?: string
        }
        Returns: Database["public"]["Tables"]["chat_messages"]["Row"]
      }
      set_child_pin: {
        Args: {
          p_child_id: string
          p_pin: string
        }
        Returns: undefined
      }
      set_live_participant_role: {
        Args: {
          p_session_id: string
          p_user_id: string
          p_role: Database["public"]["Enums"]["live_participant_role"]
        }
        Returns: undefined
      }
      set_parent_pin: {
        Args: {
          p_pin: string
        }
        Returns: undefined
      }
      set_story_visibility: {
        Args: {
          p_story_id: string
          p_visibility: Database["public"]["Enums"]["story_visibility"]
        }
        Returns: Json
      }
      set_theme_preference: {
        Args: {
          p_theme: string
        }
        Returns: string
      }
      spend_credits: {
        Args: {
          p_amount: number
          p_memo: string
          p_idempotency_key: string
        }
        Returns: Json
      }
      timeout_participant: {
        Args: {
          p_session_id: string
          p_user_id: string
          p_seconds: number
        }
        Returns: string
      }
      trash_story: {
        Args: {
          p_story_id: string
        }
        Returns: Json
      }
      update_child_profile: {
        Args: {
          p_child_id: string
          p_display_name: string
          p_avatar: string
        }
        Returns: undefined
      }
      verify_child_pin: {
        Args: {
          p_family_code: string
          p_child_name: string
          p_pin: string
          p_client?: string
        }
        Returns: {
            status: string
            child_id: string
            locked_until: string
            attempts_left: number
          }[]
      }
      verify_device_child_pin: {
        Args: {
          p_token: string
          p_child_id: string
          p_pin: string
        }
        Returns: {
            status: string
            child_id: string
            locked_until: string
            attempts_left: number
          }[]
      }
      verify_parent_pin: {
        Args: {
          p_pin: string
        }
        Returns: {
            status: string
            locked_until: string
            attempts_left: number
          }[]
      }
      veto_choice: {
        Args: {
          p_session_id: string
          p_choice_id: string
        }
        Returns: undefined
      }
    }
    Enums: {
      age_band: "4-6" | "7-9" | "10-12"
      approval_kind: "more_time" | "credit_spend"
      approval_status: "pending" | "approved" | "denied"
      character_pronoun: "she" | "he" | "they"
      character_trait: "brave" | "curious" | "kind" | "clever" | "funny" | "shy" | "patient" | "cheerful" | "careful" | "creative"
      chat_level: "off" | "phrases" | "filtered" | "held_for_review"
      chat_message_kind: "text" | "phrase" | "emote"
      child_activity: "reading" | "creating" | "live_sessions"
      consent_method: "in_app_attestation" | "signed_form" | "card_verification" | "video_call"
      credit_hold_status: "held" | "captured" | "released"
      credit_reason: "welcome_grant" | "purchase" | "founder_bonus" | "plan_grant" | "spend" | "generation_reserve" | "generation_capture" | "generation_release" | "admin_refund" | "purchase_refund" | "expiry"
      family_role: "parent" | "child"
      generation_job_kind: "new_story" | "continue_branch" | "illustrate" | "rewrite_segment"
      generation_job_status: "pending" | "processing" | "completed" | "failed"
      generation_provider: "builtin" | "http"
      live_chat_mode: "off" | "filtered" | "held_for_review" | "phrases_only" | "emote_only"
      live_participant_role: "host" | "moderator" | "viewer"
      live_results_visibility: "live" | "hidden"
      live_session_status: "scheduled" | "lobby" | "live" | "ended"
      purchase_kind: "credits" | "plan"
      purchase_status: "pending" | "failed" | "paid" | "refunded"
      story_length: "short" | "medium" | "long"
      story_public_request_status: "pending" | "approved" | "rejected" | "withdrawn"
      story_report_reason: "scary" | "unkind" | "not_for_children" | "confusing" | "other"
      story_report_status: "open" | "resolved" | "dismissed"
      story_status: "generating" | "ready" | "failed"
      story_visibility: "private" | "family" | "public"
      subscription_status: "active" | "past_due" | "canceled"
      voting_round_status: "open" | "locked" | "revealed" | "applied" | "cancelled"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      age_band: ["4-6", "7-9", "10-12"],
      approval_kind: ["more_time", "credit_spend"],
      approval_status: ["pending", "approved", "denied"],
      character_pronoun: ["she", "he", "they"],
      character_trait: ["brave", "curious", "kind", "clever", "funny", "shy", "patient", "cheerful", "careful", "creative"],
      chat_level: ["off", "phrases", "filtered", "held_for_review"],
      chat_message_kind: ["text", "phrase", "emote"],
      child_activity: ["reading", "creating", "live_sessions"],
      consent_method: ["in_app_attestation", "signed_form", "card_verification", "video_call"],
      credit_hold_status: ["held", "captured", "released"],
      credit_reason: ["welcome_grant", "purchase", "founder_bonus", "plan_grant", "spend", "generation_reserve", "generation_capture", "generation_release", "admin_refund", "purchase_refund", "expiry"],
      family_role: ["parent", "child"],
      generation_job_kind: ["new_story", "continue_branch", "illustrate", "rewrite_segment"],
      generation_job_status: ["pending", "processing", "completed", "failed"],
      generation_provider: ["builtin", "http"],
      live_chat_mode: ["off", "filtered", "held_for_review", "phrases_only", "emote_only"],
      live_participant_role: ["host", "moderator", "viewer"],
      live_results_visibility: ["live", "hidden"],
      live_session_status: ["scheduled", "lobby", "live", "ended"],
      purchase_kind: ["credits", "plan"],
      purchase_status: ["pending", "failed", "paid", "refunded"],
      story_length: ["short", "medium", "long"],
      story_public_request_status: ["pending", "approved", "rejected", "withdrawn"],
      story_report_reason: ["scary", "unkind", "not_for_children", "confusing", "other"],
      story_report_status: ["open", "resolved", "dismissed"],
      story_status: ["generating", "ready", "failed"],
      story_visibility: ["private", "family", "public"],
      subscription_status: ["active", "past_due", "canceled"],
      voting_round_status: ["open", "locked", "revealed", "applied", "cancelled"],
    },
  },
} as const
